# The README's commands. Each installs what is missing first (scripts/setup.sh).
.PHONY: serve test size size-by-crate profile-build setup fuzz guide-shots
serve:   ## build the release app and serve it at http://127.0.0.1:8080/
	@scripts/serve.sh
test:    ## every test layer; one summary line per layer
	@scripts/test.sh
size:    ## size of each shipped file, raw / gzip / brotli
	@scripts/size.sh
size-by-crate: ## make size, then the wasm's code bytes per crate and per component, and its largest functions
	@scripts/size.sh --by-crate
profile-build: ## the release app without wasm-opt, names kept, into target/dist-prof (for tests/bench/profile.mjs)
	@scripts/profile-build.sh
setup:   ## install the toolchain only
	@scripts/setup.sh test
fuzz:    ## run each fuzz target briefly (FUZZ_SECONDS, default 30)
	@scripts/fuzz.sh
guide-shots: ## copy the guide's screenshots from the last e2e run into docs/guide/
	@scripts/guide-shots.sh
