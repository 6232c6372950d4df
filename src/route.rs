//! Hash routes (`#/claim/<id>`), so the static site works from any folder and deep links
//! survive reloads without a server rewriting paths.

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::prelude::*;

/// A screen of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Counts, needs-attention list and the table of claims.
    Dashboard,
    /// The new-claim wizard, for a new draft.
    NewClaim,
    /// The wizard, continuing an existing draft.
    EditDraft(Uuid),
    /// One claim.
    Claim(Uuid),
    /// Policy, calendar, language.
    Settings,
    /// Export and import.
    Transfer,
    /// An address that names no screen.
    NotFound,
}

impl Route {
    /// The route of a location hash such as `#/claim/…`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Dashboard,
            ["new"] => Route::NewClaim,
            ["settings"] => Route::Settings,
            ["transfer"] => Route::Transfer,
            ["claim", id] => Uuid::parse_str(id)
                .map(Route::Claim)
                .unwrap_or(Route::NotFound),
            ["claim", id, "edit"] => Uuid::parse_str(id)
                .map(Route::EditDraft)
                .unwrap_or(Route::NotFound),
            _ => Route::NotFound,
        }
    }

    /// The hash that leads here.
    pub fn href(self) -> String {
        match self {
            Route::Dashboard | Route::NotFound => "#/".to_string(),
            Route::NewClaim => "#/new".to_string(),
            Route::EditDraft(id) => format!("#/claim/{id}/edit"),
            Route::Claim(id) => format!("#/claim/{id}"),
            Route::Settings => "#/settings".to_string(),
            Route::Transfer => "#/transfer".to_string(),
        }
    }
}

/// The current route, following `hashchange`.
pub fn use_route() -> ReadSignal<Route> {
    let current = || Route::parse(&window().location().hash().unwrap_or_default());
    let (route, set_route) = signal(current());
    let listener = Closure::<dyn Fn()>::new(move || set_route.set(current()));
    let _ =
        window().add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
    // The app lives as long as the page; so does its listener.
    listener.forget();
    route
}

/// Go to a route.
pub fn navigate(route: Route) {
    let _ = window().location().set_hash(&route.href());
}
