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
    /// The training workspace: scenarios and the simulated clock.
    Training,
    /// One training claim, on the normal claim page over the training workspace.
    TrainingClaim(Uuid),
    /// The wizard, continuing a training draft (over the training workspace).
    TrainingEditDraft(Uuid),
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
            ["training"] => Route::Training,
            ["training", "claim", id] => Uuid::parse_str(id)
                .map(Route::TrainingClaim)
                .unwrap_or(Route::NotFound),
            ["training", "claim", id, "edit"] => Uuid::parse_str(id)
                .map(Route::TrainingEditDraft)
                .unwrap_or(Route::NotFound),
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
            Route::Training => "#/training".to_string(),
            Route::TrainingClaim(id) => format!("#/training/claim/{id}"),
            Route::TrainingEditDraft(id) => format!("#/training/claim/{id}/edit"),
        }
    }

    /// Whether the route is in the training workspace.
    pub fn is_training(self) -> bool {
        match self {
            Route::Training | Route::TrainingClaim(_) | Route::TrainingEditDraft(_) => true,
            Route::Dashboard
            | Route::NewClaim
            | Route::EditDraft(_)
            | Route::Claim(_)
            | Route::Settings
            | Route::Transfer
            | Route::NotFound => false,
        }
    }

    /// This route as seen from the workspace the page is in: inside training, a claim is
    /// a training claim and the dashboard is the training screen, so the claim page's links
    /// never lead out of training (and so never to a real claim).
    pub fn within(self, workspace: Workspace) -> Route {
        match (self, workspace) {
            (Route::Claim(id), Workspace::Training) => Route::TrainingClaim(id),
            (Route::EditDraft(id), Workspace::Training) => Route::TrainingEditDraft(id),
            (Route::Dashboard, Workspace::Training) => Route::Training,
            (route, Workspace::Work | Workspace::Training) => route,
        }
    }
}

/// The workspace of the page being built (read where a component is set up, not in an
/// event handler).
pub fn workspace() -> Workspace {
    use_context::<Workspace>().unwrap_or(Workspace::Work)
}

/// Which workspace a page is in (context; absent means the real one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workspace {
    /// Real claims.
    Work,
    /// Training claims.
    Training,
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
