//! The app shell: state at the top, the header (with the language switch), banners, and
//! the page for the route.

use leptos::prelude::*;

use crate::clock::{AppClock, ClockProblem};
use crate::i18n::{self, native_name, tag, tr, use_i18n, I18n, LOCALES};
use crate::pages;
use crate::route::{use_route, Route};
use crate::state::{use_app, AppState, Availability, Keeping};
use crate::storage::Namespace;
use crate::training::Training;

/// The whole app, on the claims of `namespace`.
#[component]
pub fn App(#[prop(default = Namespace::Work)] namespace: Namespace) -> impl IntoView {
    let search = window().location().search().unwrap_or_default();
    let (clock, clock_problem) = AppClock::from_query(&search);
    let state = AppState::start(namespace, clock);
    provide_context(state);
    // The chosen language, else the browser's (read once: a visitor who has not chosen
    // keeps one language while the page is open).
    let browser_locale = i18n::default_locale();
    let chosen = move || state.settings.with(|s| s.locale).unwrap_or(browser_locale);
    let i18n = I18n::new(
        state
            .settings
            .with_untracked(|s| s.locale)
            .unwrap_or(browser_locale),
    );
    provide_context(i18n);
    Effect::new(move |_| i18n.set_locale(chosen()));
    // The training workspace: its own claims and clock, opened once so that leaving and
    // coming back finds the scenario where the trainer left it.
    provide_context(Training::open(i18n));
    // The page says which language it is in (screen readers, hyphenation, fonts) and its
    // title follows.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", i18n.tag());
        }
        document().set_title(&tr!(i18n, app.title));
    });

    let ticker = set_interval_with_handle(
        move || state.now.set(state.clock.now()),
        std::time::Duration::from_secs(1),
    );
    // Changes that could not be stored (a full disk) are tried again now and then, not
    // only with the next action: they are saved once space returns.
    let retry = set_interval_with_handle(
        move || {
            if !state.unsaved.with_untracked(|set| set.is_empty()) {
                state.save_pending();
            }
        },
        std::time::Duration::from_secs(10),
    );
    on_cleanup(move || {
        for handle in [ticker, retry].into_iter().flatten() {
            handle.clear();
        }
    });

    view! { <Shell clock_problem /> }
}

#[component]
fn Shell(clock_problem: Option<ClockProblem>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let route = use_route();
    let nav_link = move |target: Route, text: fn(&I18n) -> String| {
        let current = move || {
            let here = route.get();
            here == target
                || (target == Route::Dashboard && matches!(here, Route::Claim(_)))
                || (target == Route::Training && here.is_training())
        };
        view! {
            <a href=target.href() aria-current=move || current().then_some("page")>{move || text(&i18n)}</a>
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=|event| {
            event.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(main).focus();
            }
        }>{move || tr!(i18n, app.skip_to_content)}</a>
        <header class="app-header">
            <a class="brand" href="#/">{move || tr!(i18n, app.name)}</a>
            <nav aria-label=move || tr!(i18n, nav.label)>
                {nav_link(Route::Dashboard, |i18n| tr!(i18n, nav.dashboard))}
                {nav_link(Route::NewClaim, |i18n| tr!(i18n, nav.new_claim))}
                {nav_link(Route::Transfer, |i18n| tr!(i18n, nav.transfer))}
                {nav_link(Route::Settings, |i18n| tr!(i18n, nav.settings))}
                {nav_link(Route::Training, |i18n| tr!(i18n, training.nav))}
            </nav>
            <Show when=move || state.clock.is_simulated()>
                <span class="clock-badge">
                    {move || tr!(i18n, app.simulated_clock, time = i18n.date_time(state.now.get(), &state.settings.with(|s| s.policy.calendar.time_zone.clone())))}
                </span>
            </Show>
            <LanguageSwitch id="language-switch" />
        </header>
        {clock_problem.map(|problem| view! {
            <p class="banner warning" role="alert">{move || tr!(i18n, app.bad_now, value = problem.value.clone())}</p>
        })}
        <pages::update::UpdateNotice />
        <pages::banners::Banners />
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Dashboard => view! { <WhenOpen><pages::dashboard::Dashboard /></WhenOpen> }.into_any(),
                Route::NewClaim => view! { <WhenOpen><pages::wizard::Wizard draft=None /></WhenOpen> }.into_any(),
                Route::EditDraft(id) => view! { <WithClaim id><pages::wizard::Wizard draft=Some(id) /></WithClaim> }.into_any(),
                Route::Claim(id) => view! { <WithClaim id><pages::claim::ClaimPage id /></WithClaim> }.into_any(),
                Route::Settings => pages::settings::SettingsPage().into_any(),
                Route::Transfer => pages::transfer::TransferPage().into_any(),
                Route::Training => view! {
                    <pages::training::TrainingScope><pages::training::TrainingPage /></pages::training::TrainingScope>
                }.into_any(),
                Route::TrainingClaim(id) => view! {
                    <pages::training::TrainingScope><pages::claim::ClaimPage id /></pages::training::TrainingScope>
                }.into_any(),
                Route::TrainingEditDraft(id) => view! {
                    <pages::training::TrainingScope><WithClaim id><pages::wizard::Wizard draft=Some(id) /></WithClaim></pages::training::TrainingScope>
                }.into_any(),
                Route::NotFound => pages::not_found::NotFound().into_any(),
            }}
        </main>
    }
}

/// What the page shows while the workspace's database opens.
#[component]
fn Opening() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="opening" role="status">{move || tr!(i18n, store.opening)}</p> }
}

/// Its children once claims can be listed (the database is open, or the app works in
/// memory).
#[component]
fn WhenOpen(children: ChildrenFn) -> impl IntoView {
    let state = use_app();
    let open = Memo::new(move |_| state.keeping.with(|k| *k != Keeping::Opening));
    view! { <Show when=move || open.get() fallback=Opening>{children()}</Show> }
}

/// Its children once claim `id` has been read (or is known not to exist: the page then
/// says so itself).
#[component]
fn WithClaim(id: uuid::Uuid, children: ChildrenFn) -> impl IntoView {
    let state = use_app();
    let ready = Memo::new(move |_| {
        let availability = state.availability(id);
        if availability == Availability::Loading {
            state.open_claim(id);
        }
        availability != Availability::Loading
    });
    view! { <Show when=move || ready.get() fallback=Opening>{children()}</Show> }
}

/// A globe (decorative: the select's name says what it is).
const GLOBE_ICON: &str = "M8 1a7 7 0 110 14A7 7 0 018 1zm2.9 8H13a5 5 0 01-3.3 3.7A9 9 0 0010.9 9zM5.1 9H3a5 5 0 003.3 3.7A9 9 0 015.1 9zm4.3 0H6.6c.2 1.7.7 3 1.4 3.9.7-.9 1.2-2.2 1.4-3.9zM6.3 3.3A5 5 0 003 7h2.1c.1-1.4.5-2.7 1.2-3.7zm1.7.8C7.3 5 6.8 5.9 6.6 7h2.8C9.2 5.9 8.7 5 8 4.1zm1.7-.8c.7 1 1.1 2.3 1.2 3.7H13a5 5 0 00-3.3-3.7z";

/// The interface language: applies at once, is remembered, and lists each language by its
/// own name (marked with its `lang`, so a screen reader pronounces it right).
#[component]
pub fn LanguageSwitch(
    /// The select's element ID (the header's and the settings page's differ).
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    view! {
        <span class="language-switch">
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <path d=GLOBE_ICON fill="currentColor" fill-rule="evenodd" />
            </svg>
            <select id=id aria-label=move || tr!(i18n, language.label) on:change=move |event| {
                if let Some(locale) = i18n::locale_of_tag(&event_target_value(&event)) {
                    state.choose_locale(locale);
                }
            }>
                {LOCALES.into_iter().map(|locale| view! {
                    <option value=tag(locale) lang=tag(locale) selected=move || i18n.locale() == locale>
                        {native_name(locale)}
                    </option>
                }).collect_view()}
            </select>
        </span>
    }
}
