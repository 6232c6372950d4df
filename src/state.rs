//! The app's state, owned at the top and shared as context, and the one path by which
//! claims change: ask the rules, then store, then show.

use std::collections::BTreeSet;

use claim_rules::calendar::CalendarError;
use claim_rules::deadlines::Rules;
use claim_rules::lifecycle::{self, Action, Refusal};
use claim_rules::model::{Actor, Claim, ClaimFields};
use claim_rules::policy::Policy;
use jiff::Timestamp;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wasm_bindgen::prelude::*;

use crate::clock::AppClock;
use crate::i18n::Locale;
use crate::storage::{ClaimStore, Namespace, UnreadableEntry, WriteError};

/// What the settings screen edits; stored as one entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    /// Clock lengths, consent rule, calendar.
    pub policy: Policy,
    /// The interface language the user chose; `None` follows the browser's languages.
    #[serde(default, with = "crate::i18n::stored_locale")]
    pub locale: Option<Locale>,
}

/// A notice for the user, shown above every page until dismissed. Kept as a fact, not as
/// text, so it reads in whatever language is chosen while it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Another tab changed this claim, which has unsaved changes here.
    ChangedInOtherTab(Uuid),
    /// The chosen language could not be written to storage (it applies in this tab).
    LanguageNotSaved,
}

/// Why a change did not happen (or did not reach storage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    /// The rules refused it; the reason is theirs.
    Refused(Refusal),
    /// Another tab changed the claim first. It has been reloaded; nothing was applied.
    ChangedElsewhere,
    /// The claim's stored entry cannot be read; it is kept aside and not overwritten.
    KeptAside,
    /// No such claim.
    NotFound,
}

/// State shared by every page.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// Where claims are stored.
    pub store: ClaimStore,
    /// Every readable claim, as stored (not advanced; ask the rules at `now`).
    pub claims: RwSignal<Vec<Claim>>,
    /// Stored entries that could not be read; kept aside.
    pub unreadable: RwSignal<Vec<UnreadableEntry>>,
    /// Claims changed in memory whose last write failed; shown with an export offer.
    pub unsaved: RwSignal<BTreeSet<Uuid>>,
    /// Set when storage cannot be used at all, or a write failed, with the browser's words.
    pub storage_problem: RwSignal<Option<WriteError>>,
    /// A notice for the user (e.g. "changed in another tab"), shown until dismissed.
    pub notice: RwSignal<Option<Notice>>,
    /// Settings in force.
    pub settings: RwSignal<Settings>,
    /// The stored settings entry, when it could not be read (kept aside).
    pub unreadable_settings: RwSignal<Option<UnreadableEntry>>,
    /// The rules built from the policy in force.
    pub rules: Memo<RulesOrError>,
    /// The app clock.
    pub clock: AppClock,
    /// The clock's time, refreshed every second.
    pub now: RwSignal<Timestamp>,
}

/// The rules for the policy in force, or why they could not be built.
#[derive(Debug, Clone)]
pub struct RulesOrError(pub Result<Rules, CalendarError>);

impl PartialEq for RulesOrError {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Ok(a), Ok(b)) => a.policy() == b.policy(),
            (Err(a), Err(b)) => a == b,
            _ => false,
        }
    }
}

impl AppState {
    /// The state of a workspace: its claims and settings, read from `namespace`, asked of
    /// the rules at `clock`'s time. The real workspace and the training one are each one
    /// call of this, so neither can reach the other's claims.
    pub fn open(namespace: Namespace, clock: AppClock) -> Self {
        AppState::load(ClaimStore::new(namespace), clock)
    }

    /// Load claims and settings from `store`.
    pub fn load(store: ClaimStore, clock: AppClock) -> Self {
        let settings = RwSignal::new(Settings::default());
        let unreadable_settings = RwSignal::new(None);
        match store.read_entry::<Settings>("settings") {
            Ok(Some(stored)) => settings.set(stored),
            Ok(None) => {}
            Err(entry) => unreadable_settings.set(Some(entry)),
        }
        let rules = Memo::new(move |_| {
            let policy = settings.with(|s| s.policy.clone());
            RulesOrError(Rules::new(policy))
        });
        let state = AppState {
            store,
            claims: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            unsaved: RwSignal::new(BTreeSet::new()),
            storage_problem: RwSignal::new(None),
            notice: RwSignal::new(None),
            settings,
            unreadable_settings,
            rules,
            clock,
            now: RwSignal::new(clock.now()),
        };
        state.reload_all();
        state
    }

    /// Read every claim from storage again.
    pub fn reload_all(&self) {
        match self.store.load() {
            Ok(loaded) => {
                self.claims.set(loaded.claims);
                self.unreadable.set(loaded.unreadable);
            }
            Err(error) => self.storage_problem.set(Some(error)),
        }
    }

    /// The rules in force. When the stored calendar is invalid, the default policy's rules
    /// (the settings screen shows the problem).
    pub fn rules(&self) -> Rules {
        match self.rules.get().0 {
            Ok(rules) => rules,
            Err(_) => default_rules(),
        }
    }

    /// [`AppState::rules`] without subscribing to changes (for event handlers).
    pub fn rules_untracked(&self) -> Rules {
        match self.rules.get_untracked().0 {
            Ok(rules) => rules,
            Err(_) => default_rules(),
        }
    }

    /// The calendar's time zone, in which every deadline counts and every time is shown
    /// (reactive).
    pub fn time_zone(&self) -> String {
        self.settings.with(|s| s.policy.calendar.time_zone.clone())
    }

    /// The calendar's time zone, in which every deadline counts and every time is shown,
    /// without subscribing to changes (for event handlers).
    pub fn time_zone_untracked(&self) -> String {
        self.settings
            .with_untracked(|s| s.policy.calendar.time_zone.clone())
    }

    /// One claim, by ID (reactive).
    pub fn claim(&self, id: Uuid) -> Option<Claim> {
        self.claims
            .with(|claims| claims.iter().find(|c| c.id == id).cloned())
    }

    /// Ask the rules to perform `action` on claim `id` by `actor`, taking effect at
    /// `effective_at` and recorded now; store and show the result. The rules refuse an
    /// effective time in the future or before the previous entry.
    pub fn perform(
        &self,
        id: Uuid,
        action: Action,
        actor: Actor,
        effective_at: Timestamp,
    ) -> Result<Claim, ChangeError> {
        let current = self
            .claims
            .with_untracked(|claims| claims.iter().find(|c| c.id == id).cloned())
            .ok_or(ChangeError::NotFound)?;
        let now = self.clock.now();
        let updated = lifecycle::apply(
            &current,
            action,
            actor,
            effective_at,
            now,
            &self.rules_untracked(),
        )
        .map_err(ChangeError::Refused)?;
        self.write(updated, Some(current.revision))
    }

    /// Start a new draft from rejected claim `id` (the rules decide whether it may be);
    /// stores both (the original gains a link) and returns the new draft.
    pub fn start_new_claim_from(&self, id: Uuid, at: Timestamp) -> Result<Claim, ChangeError> {
        let current = self
            .claims
            .with_untracked(|claims| claims.iter().find(|c| c.id == id).cloned())
            .ok_or(ChangeError::NotFound)?;
        let (original, restarted) = lifecycle::start_new_claim_from(
            &current,
            new_uuid(),
            Actor::Partner,
            at,
            &self.rules_untracked(),
        )
        .map_err(ChangeError::Refused)?;
        self.write(original, Some(current.revision))?;
        self.write(restarted, None)
    }

    /// Create a new draft with `fields`; returns it.
    pub fn create_draft(&self, fields: ClaimFields) -> Result<Claim, ChangeError> {
        let claim = lifecycle::new_claim(new_uuid(), self.clock.now(), fields);
        self.write(claim, None)
    }

    /// Store claims that the rules produced (import, restart), each replacing `base`.
    pub fn write(&self, claim: Claim, base: Option<u64>) -> Result<Claim, ChangeError> {
        match self.store.save_claim(&claim, base) {
            Ok(()) => {
                self.unsaved.update(|set| {
                    set.remove(&claim.id);
                });
                if matches!(
                    self.storage_problem.get_untracked(),
                    Some(WriteError::QuotaExceeded | WriteError::Other(_))
                ) && self.unsaved.with_untracked(|set| set.is_empty())
                {
                    self.storage_problem.set(None);
                }
                self.put_in_memory(claim.clone());
                Ok(claim)
            }
            Err(WriteError::ChangedElsewhere { .. }) => {
                self.reload_claim(claim.id);
                Err(ChangeError::ChangedElsewhere)
            }
            Err(WriteError::KeptAside) => Err(ChangeError::KeptAside),
            Err(
                error @ (WriteError::QuotaExceeded
                | WriteError::Unavailable(_)
                | WriteError::Other(_)),
            ) => {
                // The change stands in memory; the banner says it is not saved and offers an export.
                self.storage_problem.set(Some(error));
                self.unsaved.update(|set| {
                    set.insert(claim.id);
                });
                self.put_in_memory(claim.clone());
                Ok(claim)
            }
        }
    }

    /// Delete a draft (the rules decide whether it may be deleted).
    pub fn delete(&self, id: Uuid) -> Result<(), ChangeError> {
        let current = self.claim(id).ok_or(ChangeError::NotFound)?;
        lifecycle::can_delete(&current).map_err(ChangeError::Refused)?;
        match self.store.remove_claim(id, current.revision) {
            Ok(()) => {
                self.claims.update(|claims| claims.retain(|c| c.id != id));
                Ok(())
            }
            Err(WriteError::ChangedElsewhere { .. }) => {
                self.reload_claim(id);
                Err(ChangeError::ChangedElsewhere)
            }
            Err(WriteError::KeptAside) => Err(ChangeError::KeptAside),
            Err(error) => {
                self.storage_problem.set(Some(error));
                Err(ChangeError::KeptAside)
            }
        }
    }

    /// Save settings (the caller has checked them with the rules).
    pub fn save_settings(&self, settings: Settings) -> Result<(), WriteError> {
        let result =
            self.store
                .write_entry("settings", &settings, self.clock.now().as_millisecond());
        if result.is_ok() {
            self.unreadable_settings.set(None);
        }
        self.settings.set(settings);
        result
    }

    /// Choose the interface language: it applies at once and is stored with the settings
    /// in force (not with a settings form being edited). When storage refuses the write,
    /// the language still applies in this tab and a notice says it was not saved.
    pub fn choose_locale(&self, locale: Locale) {
        let mut settings = self.settings.get_untracked();
        if settings.locale == Some(locale) {
            return;
        }
        settings.locale = Some(locale);
        if self.save_settings(settings).is_err() {
            self.notice.set(Some(Notice::LanguageNotSaved));
        }
    }

    fn put_in_memory(&self, claim: Claim) {
        // The change was stamped with the clock's current time; move the shown time up to
        // it now, so nothing is asked of the rules at a moment before the change.
        self.now.set(self.clock.now());
        self.claims.update(
            |claims| match claims.iter_mut().find(|c| c.id == claim.id) {
                Some(slot) => *slot = claim,
                None => claims.push(claim),
            },
        );
    }

    /// Re-read one claim from storage (another tab changed it).
    pub fn reload_claim(&self, id: Uuid) {
        match self.store.read_claim(id) {
            Ok(Some(claim)) => self.put_in_memory(claim),
            Ok(None) => self.claims.update(|claims| claims.retain(|c| c.id != id)),
            Err(_) => self.reload_all(),
        }
    }

    /// Follow changes other tabs make to storage.
    pub fn follow_other_tabs(&self) {
        let state = *self;
        let listener =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                let Some(key) = event.key() else {
                    state.reload_all();
                    return;
                };
                if let Some(id) = state.store.claim_id_of_key(&key) {
                    if state.unsaved.with_untracked(|set| set.contains(&id)) {
                        state.notice.set(Some(Notice::ChangedInOtherTab(id)));
                        return;
                    }
                    state.reload_claim(id);
                } else if key == state.store.entry_key("settings") {
                    if let Ok(Some(settings)) = state.store.read_entry::<Settings>("settings") {
                        state.settings.set(settings);
                    }
                }
            });
        let _ =
            window().add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
        listener.forget();
    }
}

fn default_rules() -> Rules {
    // The default policy's calendar (Monday–Friday, US holidays, a zone in the bundled
    // database) always builds; if it ever did not, there is no rule to fall back on.
    match Rules::new(Policy::default()) {
        Ok(rules) => rules,
        Err(error) => panic!("the default policy is invalid: {error}"),
    }
}

/// A random (version 4) UUID from the browser's cryptographic random source.
pub fn new_uuid() -> Uuid {
    let mut bytes = [0u8; 16];
    if let Ok(crypto) = window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// The state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
