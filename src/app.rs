//! The app shell: state at the top, the header, banners, and the page for the route.

use leptos::prelude::*;

use crate::clock::AppClock;
use crate::i18n::{use_i18n, I18n, Text};
use crate::pages;
use crate::route::{use_route, Route};
use crate::state::{use_app, AppState};
use crate::storage::{ClaimStore, Namespace};

/// The whole app, on the claims of `namespace`.
#[component]
pub fn App(#[prop(default = Namespace::Work)] namespace: Namespace) -> impl IntoView {
    let search = window().location().search().unwrap_or_default();
    let (clock, clock_problem) = AppClock::from_query(&search);
    let state = AppState::load(ClaimStore::new(namespace), clock);
    state.follow_other_tabs();
    provide_context(state);
    let i18n = I18n::new(state.settings.get_untracked().locale);
    provide_context(i18n);
    Effect::new(move |_| i18n.set_locale(state.settings.with(|s| s.locale)));

    let ticker = set_interval_with_handle(
        move || state.now.set(state.clock.now()),
        std::time::Duration::from_secs(1),
    );
    on_cleanup(move || {
        if let Ok(handle) = ticker {
            handle.clear();
        }
    });

    view! { <Shell clock_problem /> }
}

#[component]
fn Shell(clock_problem: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let route = use_route();
    let nav_link = move |target: Route, text: Text| {
        let current = move || {
            let here = route.get();
            here == target || (target == Route::Dashboard && matches!(here, Route::Claim(_)))
        };
        view! {
            <a href=target.href() aria-current=move || current().then_some("page")>{move || i18n.t(text)}</a>
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=|event| {
            event.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(main).focus();
            }
        }>{move || i18n.t(Text::SkipToContent)}</a>
        <header class="app-header">
            <a class="brand" href="#/">{move || i18n.t(Text::AppName)}</a>
            <nav aria-label="Main">
                {nav_link(Route::Dashboard, Text::NavDashboard)}
                {nav_link(Route::NewClaim, Text::NavNewClaim)}
                {nav_link(Route::Transfer, Text::NavTransfer)}
                {nav_link(Route::Settings, Text::NavSettings)}
            </nav>
            <Show when=move || state.clock.is_simulated()>
                <span class="clock-badge">
                    {move || i18n.t(Text::SimulatedClock)} ": "
                    {move || i18n.date_time(state.now.get(), &state.settings.with(|s| s.policy.calendar.time_zone.clone()))}
                </span>
            </Show>
        </header>
        {clock_problem.map(|problem| view! { <p class="banner warning" role="alert">{problem}</p> })}
        <pages::update::UpdateNotice />
        <pages::banners::Banners />
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Dashboard => pages::dashboard::Dashboard().into_any(),
                Route::NewClaim => view! { <pages::wizard::Wizard draft=None /> }.into_any(),
                Route::EditDraft(id) => view! { <pages::wizard::Wizard draft=Some(id) /> }.into_any(),
                Route::Claim(id) => view! { <pages::claim::ClaimPage id /> }.into_any(),
                Route::Settings => pages::settings::SettingsPage().into_any(),
                Route::Transfer => pages::transfer::TransferPage().into_any(),
                Route::NotFound => pages::not_found::NotFound().into_any(),
            }}
        </main>
    }
}
