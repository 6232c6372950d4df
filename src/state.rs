//! The app's state, owned at the top and shared as context, and the one path by which
//! claims change: ask the rules, then keep the result in memory, then store it.
//!
//! Claims live in the workspace's IndexedDB database ([`crate::store`]). At start the
//! database is opened, the previous version's local-storage entries are moved into it,
//! and every claim's summary is read: the dashboard lists summaries and parses no full
//! claim. A full claim is read when it is opened ([`AppState::open_claim`]) or when a
//! page needs them all ([`AppState::load_all_claims`]: export, import, calendar).
//!
//! A change is decided by the rules at once and shown at once; it is then written by
//! [`AppState::save_pending`], one claim at a time, each write naming the revision it
//! replaces. Until its write has committed the claim is in [`AppState::unsaved`]; when a
//! write fails (a full disk) it stays there, later actions build on the version in
//! memory, and every later action (and a timer) tries again. When the database cannot be
//! used at all the app keeps working in memory and says so.

use std::collections::{BTreeSet, HashMap};

use claim_rules::calendar::CalendarError;
use claim_rules::deadlines::Rules;
use claim_rules::lifecycle::{self, Action, Refusal};
use claim_rules::model::{Actor, Claim, ClaimFields};
use claim_rules::policy::Policy;
use claim_rules::summary::ClaimSummary;
use jiff::Timestamp;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wasm_bindgen::prelude::*;

use crate::clock::AppClock;
use crate::i18n::Locale;
use crate::storage::{ClaimStore, Namespace, Rescue, UnreadableEntry};
use crate::store::migrate::{self, Interrupt};
use crate::store::settings::SettingsStore;
use crate::store::{
    ClaimDb, KeptAside, KeptAsideOrigin, KeptAsideReason, StoreError, Unavailable, Write,
};

/// How many claims an import writes per transaction: a failure (a full disk) then stops
/// only that batch, and the counts stay exact.
const IMPORT_BATCH: usize = 250;

/// How long the database may take to open (and the move from local storage to finish)
/// before the app works in memory instead.
const OPEN_PATIENCE: std::time::Duration = std::time::Duration::from_secs(20);

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
    /// Another tab changed this claim before this tab's change was stored: the other
    /// tab's version is shown, and this tab's is kept aside (downloadable).
    KeptAsideAfterOtherTab(Uuid),
    /// The chosen language could not be written to storage (it applies in this tab).
    LanguageNotSaved,
}

/// Why settings were not saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsError {
    /// Another tab saved settings after this one read them: nothing was written, and the
    /// other tab's settings are shown now.
    ChangedElsewhere,
    /// Storage refused the write; the settings apply in this tab only.
    NotSaved,
}

/// Why a change did not happen.
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

/// Where this tab keeps claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keeping {
    /// The database is being opened (and the move from local storage done).
    Opening,
    /// In the workspace's database.
    Stored,
    /// Only in this tab's memory: the database cannot be used.
    InMemory(Unavailable),
}

/// Whether a claim's full record is here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// In memory.
    Loaded,
    /// Being read from the database.
    Loading,
    /// There is no such claim.
    Missing,
}

/// Whether a claim's version here is in storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persisted {
    /// It is stored.
    Stored,
    /// Its write is under way.
    Saving,
    /// Its write failed (or storage cannot be used): it is only in this tab.
    NotSaved,
}

/// What an import stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Claims that reached the database.
    pub stored: usize,
    /// Claims kept only in this tab's memory (the database cannot be used, or is full):
    /// marked unsaved and written once it can be.
    pub only_in_memory: usize,
    /// Claims not taken, and why (another tab changed the claim meanwhile, or the stored
    /// entry could not be read and was kept aside), with their names as stored.
    pub refused: Vec<(String, ChangeError)>,
}

/// What one tab tells the others on the workspace's broadcast channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// This claim was written or removed.
    Claim(Uuid),
    /// Many claims changed (an import); re-read every summary.
    All,
}

impl Change {
    fn text(self) -> String {
        match self {
            Change::Claim(id) => id.to_string(),
            Change::All => "all".into(),
        }
    }

    fn read(text: &str) -> Option<Change> {
        if text == "all" {
            Some(Change::All)
        } else {
            Uuid::parse_str(text).ok().map(Change::Claim)
        }
    }
}

/// The writes waiting, and what the database is known to hold.
#[derive(Debug, Default)]
struct Pending {
    /// The revision the database holds for each stored claim (absent: not stored).
    stored: HashMap<Uuid, u64>,
    /// Claims removed here whose removal is not stored yet.
    removals: BTreeSet<Uuid>,
    /// A [`AppState::save_pending`] run is under way.
    running: bool,
}

/// State shared by every page.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The workspace.
    pub namespace: Namespace,
    /// Where settings are stored (local storage).
    pub store: ClaimStore,
    /// Where claims are kept in this tab.
    pub keeping: RwSignal<Keeping>,
    db: StoredValue<Option<ClaimDb>, LocalStorage>,
    pending: StoredValue<Pending, LocalStorage>,
    channel: StoredValue<Option<JsValue>, LocalStorage>,
    /// Every claim's summary (as stored or changed here; not advanced).
    pub summaries: RwSignal<Vec<ClaimSummary>>,
    /// The full claims read so far (as stored or changed here; not advanced).
    pub claims: RwSignal<Vec<Claim>>,
    /// Whether `claims` holds every claim.
    pub all_loaded: RwSignal<bool>,
    /// Entries that could not be read, kept aside in the database.
    pub kept_aside: RwSignal<Vec<KeptAside>>,
    /// Claims changed in memory and not stored yet (being written, or the write failed).
    pub unsaved: RwSignal<BTreeSet<Uuid>>,
    /// Why the last write failed, or why storage cannot be used; cleared once all is saved.
    pub storage_problem: RwSignal<Option<StoreError>>,
    /// A notice for the user (e.g. "changed in another tab"), shown until dismissed.
    pub notice: RwSignal<Option<Notice>>,
    /// Settings in force.
    pub settings: RwSignal<Settings>,
    /// The stored settings entry, when it could not be read (left untouched).
    pub unreadable_settings: RwSignal<Option<UnreadableEntry>>,
    /// The revision of the stored settings this tab's settings are (`None`: none stored,
    /// or unreadable); a settings write names it, like a claim's.
    settings_revision: StoredValue<Option<u64>>,
    /// The newest settings revision another tab wrote, as seen here: a form opened on an
    /// older revision would overwrite it unseen. (This tab's own writes, such as a
    /// language chosen in the header, do not make a form stale.)
    settings_from_elsewhere: StoredValue<Option<u64>>,
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
    /// The state of workspace `namespace` on `clock`: settings at once (local storage),
    /// claims once the database is open (`keeping` says when). Other tabs' changes are
    /// followed from the start.
    pub fn start(namespace: Namespace, clock: AppClock) -> Self {
        let store = ClaimStore::new(namespace);
        let settings = RwSignal::new(Settings::default());
        let unreadable_settings = RwSignal::new(None);
        match store.read_entry::<Settings>("settings") {
            Ok(Some(stored)) => settings.set(stored),
            Ok(None) => {}
            Err(entry) => unreadable_settings.set(Some(entry)),
        }
        let settings_revision = match SettingsStore::new(namespace).read::<Settings>() {
            Ok(Some(stored)) => Some(stored.revision),
            Ok(None) | Err(_) => None,
        };
        let rules = Memo::new(move |_| {
            let policy = settings.with(|s| s.policy.clone());
            RulesOrError(Rules::new(policy))
        });
        let state = AppState {
            namespace,
            store,
            keeping: RwSignal::new(Keeping::Opening),
            db: StoredValue::new_local(None),
            pending: StoredValue::new_local(Pending::default()),
            channel: StoredValue::new_local(None),
            summaries: RwSignal::new(Vec::new()),
            claims: RwSignal::new(Vec::new()),
            all_loaded: RwSignal::new(false),
            kept_aside: RwSignal::new(Vec::new()),
            unsaved: RwSignal::new(BTreeSet::new()),
            storage_problem: RwSignal::new(None),
            notice: RwSignal::new(None),
            settings,
            unreadable_settings,
            settings_revision: StoredValue::new(settings_revision),
            settings_from_elsewhere: StoredValue::new(None),
            rules,
            clock,
            now: RwSignal::new(clock.now()),
        };
        state.follow_other_tabs();
        state.rescue_on_leaving();
        // Asked now, so that the database opens while the first views are built.
        let opening = ClaimDb::open(namespace);
        spawn_local(async move { state.open(opening).await });
        // A browser that never answers must not leave the app saying "Opening…" for good:
        // after a while it works in memory and says so (a late answer is then ignored).
        set_timeout(
            move || {
                if state.keeping.get_untracked() == Keeping::Opening {
                    state.keep_in_memory(Unavailable::NoAnswer);
                }
            },
            OPEN_PATIENCE,
        );
        state
    }

    /// Open the database, finish the move from local storage, read every summary.
    async fn open(self, opening: impl std::future::Future<Output = Result<ClaimDb, StoreError>>) {
        let db = match opening.await {
            Ok(db) => db,
            Err(_) if self.keeping.get_untracked() != Keeping::Opening => return,
            Err(error) => return self.keep_in_memory(unavailable(error)),
        };
        if self.keeping.get_untracked() != Keeping::Opening {
            // Too late: the app already works in memory.
            return db.close();
        }
        if let Err(error) = migrate::move_from_local_storage(&db, Interrupt::Never).await {
            // What was not moved stays in local storage for the next start; say so.
            self.storage_problem.set(Some(error));
        }
        match db.summaries().await {
            Ok(found) => {
                self.pending.update_value(|pending| {
                    pending.stored = found
                        .summaries
                        .iter()
                        .map(|summary| (summary.id, summary.revision))
                        .collect();
                });
                self.summaries.set(found.summaries);
            }
            Err(error) => return self.keep_in_memory(unavailable(error)),
        }
        self.replay_rescues(&db).await;
        self.kept_aside
            .set(db.kept_aside().await.unwrap_or_default());
        self.db.set_value(Some(db));
        self.keeping.set(Keeping::Stored);
        // Claims opened before the database was (an address straight to a claim).
        self.save_pending();
    }

    /// Copy every claim changed here and not stored yet into local storage, at once and
    /// synchronously: the page is going away, and the database's compare-and-write needs
    /// callbacks that never run once it is gone. The next start stores them
    /// ([`AppState::replay_rescues`]).
    pub fn rescue_unsaved(&self) {
        let unsaved = self.unsaved.get_untracked();
        for id in unsaved {
            if let Some(claim) = self.claim_untracked(id) {
                let base = self.pending.with_value(|p| p.stored.get(&id).copied());
                // Nothing more can be done for a page that is leaving: a refused copy is
                // as lost as it was before rescues existed, and the export offer was shown.
                let _ = self.store.write_rescue(&claim, base);
            }
        }
    }

    /// Store what the last page of this workspace rescued on leaving. A rescue made on the
    /// version the database still holds goes in as this tab's unsaved change (written
    /// by compare-and-write, its copy removed once stored). One whose claim moved on
    /// meanwhile (another tab) is kept aside, with a notice: nothing is lost, nothing
    /// overwritten. A rescue already stored is dropped; one that cannot be read is kept
    /// aside as found.
    async fn replay_rescues(&self, db: &ClaimDb) {
        for (key, raw) in self.store.rescues() {
            let rescue = match serde_json::from_str::<Rescue>(&raw) {
                Ok(rescue) if self.store.rescue_key(rescue.claim.id) == key => rescue,
                Ok(rescue) => {
                    let reason = KeptAsideReason::FiledUnderAnotherId {
                        found: rescue.claim.id,
                    };
                    self.keep_rescue_aside(db, &key, &raw, reason).await;
                    continue;
                }
                Err(error) => {
                    let reason = if serde_json::from_str::<serde_json::Value>(&raw).is_ok() {
                        KeptAsideReason::WrongShape {
                            message: error.to_string(),
                        }
                    } else {
                        KeptAsideReason::NotJson {
                            message: error.to_string(),
                        }
                    };
                    self.keep_rescue_aside(db, &key, &raw, reason).await;
                    continue;
                }
            };
            let id = rescue.claim.id;
            let stored = self.pending.with_value(|p| p.stored.get(&id).copied());
            if stored == rescue.base {
                self.unsaved.update(|set| {
                    set.insert(id);
                });
                self.put_in_memory(rescue.claim);
                continue;
            }
            let already = stored == Some(rescue.claim.revision)
                && matches!(db.claim(id).await, Ok(Some(ref claim)) if *claim == rescue.claim);
            if already {
                self.store.remove_rescue(&key);
                continue;
            }
            let reason = KeptAsideReason::ChangedInAnotherTab {
                revision: rescue.claim.revision,
            };
            if self.keep_rescue_aside(db, &key, &raw, reason).await {
                self.notice.set(Some(Notice::KeptAsideAfterOtherTab(id)));
            }
        }
    }

    /// Keep a rescue copy aside and remove it from local storage once that is stored;
    /// `false` (the copy stays where it is, for the next start) if storage refused.
    async fn keep_rescue_aside(
        &self,
        db: &ClaimDb,
        key: &str,
        raw: &str,
        reason: KeptAsideReason,
    ) -> bool {
        match db
            .keep_aside(KeptAsideOrigin::LocalStorage, key, raw, reason)
            .await
        {
            Ok(_) => {
                self.store.remove_rescue(key);
                true
            }
            Err(error) => {
                self.storage_problem.set(Some(error));
                false
            }
        }
    }

    /// Work in memory: the database cannot be used. What the previous version left in
    /// local storage is still shown (read only: it stays where it is).
    fn keep_in_memory(&self, why: Unavailable) {
        if let Some(db) = self.db.get_value() {
            db.close();
        }
        self.db.set_value(None);
        if self.keeping.get_untracked() == Keeping::Opening {
            if let Ok(loaded) = self.store.load() {
                self.summaries
                    .set(loaded.claims.iter().map(ClaimSummary::of).collect());
                self.claims.set(loaded.claims);
            }
        }
        self.all_loaded.set(true);
        self.keeping.set(Keeping::InMemory(why.clone()));
        self.storage_problem.set(Some(StoreError::Unavailable(why)));
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

    /// One full claim, by ID, if it has been read (reactive; see [`AppState::open_claim`]).
    pub fn claim(&self, id: Uuid) -> Option<Claim> {
        self.claims
            .with(|claims| claims.iter().find(|c| c.id == id).cloned())
    }

    fn claim_untracked(&self, id: Uuid) -> Option<Claim> {
        self.claims
            .with_untracked(|claims| claims.iter().find(|c| c.id == id).cloned())
    }

    /// Whether claim `id`'s version here is stored (reactive).
    pub fn persisted(&self, id: Uuid) -> Persisted {
        if !self.unsaved.with(|set| set.contains(&id)) {
            Persisted::Stored
        } else if self.storage_problem.with(Option::is_some) {
            Persisted::NotSaved
        } else {
            Persisted::Saving
        }
    }

    /// Whether claim `id` is here, being read, or missing (reactive).
    pub fn availability(&self, id: Uuid) -> Availability {
        if self.claims.with(|claims| claims.iter().any(|c| c.id == id)) {
            return Availability::Loaded;
        }
        match self.keeping.get() {
            Keeping::Opening => Availability::Loading,
            Keeping::InMemory(_) => Availability::Missing,
            Keeping::Stored => {
                if self
                    .summaries
                    .with(|summaries| summaries.iter().any(|s| s.id == id))
                {
                    Availability::Loading
                } else {
                    Availability::Missing
                }
            }
        }
    }

    /// Read claim `id` from the database, unless it is here already.
    pub fn open_claim(&self, id: Uuid) {
        if self.claim_untracked(id).is_some() {
            return;
        }
        let Some(db) = self.db.get_value() else {
            return;
        };
        let state = *self;
        spawn_local(async move {
            match db.claim(id).await {
                Ok(Some(claim)) => {
                    if state.claim_untracked(id).is_none() {
                        state.claims.update(|claims| claims.push(claim));
                    }
                }
                Ok(None) => state.forget(id),
                Err(StoreError::KeptAside(entry)) => {
                    state.forget(id);
                    state.kept_aside.update(|list| list.push(*entry));
                }
                Err(error) => state.storage_problem.set(Some(error)),
            }
        });
    }

    /// Read every full claim (export, import, calendar files); claims changed here and
    /// not stored yet keep their version in memory.
    pub async fn load_all_claims(&self) {
        if self.all_loaded.get_untracked() {
            return;
        }
        let Some(db) = self.db.get_value() else {
            return;
        };
        match db.claims().await {
            Ok(found) => {
                let unsaved = self.unsaved.get_untracked();
                let removed = self.pending.with_value(|p| p.removals.clone());
                self.claims.update(|claims| {
                    let mut here: HashMap<Uuid, Claim> =
                        claims.drain(..).map(|claim| (claim.id, claim)).collect();
                    for claim in found.claims {
                        if removed.contains(&claim.id) {
                            continue;
                        }
                        if !unsaved.contains(&claim.id) || !here.contains_key(&claim.id) {
                            here.insert(claim.id, claim);
                        }
                    }
                    claims.extend(here.into_values());
                });
                if !found.kept_aside.is_empty() {
                    self.kept_aside
                        .update(|list| list.extend(found.kept_aside.iter().cloned()));
                    for entry in &found.kept_aside {
                        if let Ok(id) = Uuid::parse_str(&entry.key) {
                            self.forget(id);
                        }
                    }
                }
                self.all_loaded.set(true);
            }
            Err(error) => self.storage_problem.set(Some(error)),
        }
    }

    /// Ask the rules to perform `action` on claim `id` by `actor`, taking effect at
    /// `effective_at` and recorded now; keep the result and store it. The rules refuse an
    /// effective time in the future or before the previous entry.
    pub fn perform(
        &self,
        id: Uuid,
        action: Action,
        actor: Actor,
        effective_at: Timestamp,
    ) -> Result<Claim, ChangeError> {
        let current = self.claim_untracked(id).ok_or(ChangeError::NotFound)?;
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
        let current = self.claim_untracked(id).ok_or(ChangeError::NotFound)?;
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

    /// Keep `claim`, which the rules produced from the version of revision `base` here
    /// (`None`: it is new), and store it. Refused when this tab's version is another one.
    /// `Ok` means the change stands here; [`AppState::unsaved`] says whether it is stored.
    pub fn write(&self, claim: Claim, base: Option<u64>) -> Result<Claim, ChangeError> {
        let here = self.claim_untracked(claim.id).map(|c| c.revision);
        if here != base {
            return Err(ChangeError::ChangedElsewhere);
        }
        self.unsaved.update(|set| {
            set.insert(claim.id);
        });
        self.put_in_memory(claim.clone());
        self.save_pending();
        Ok(claim)
    }

    /// Delete a draft (the rules decide whether it may be deleted).
    pub fn delete(&self, id: Uuid) -> Result<(), ChangeError> {
        let current = self.claim_untracked(id).ok_or(ChangeError::NotFound)?;
        lifecycle::can_delete(&current).map_err(ChangeError::Refused)?;
        self.remove(id);
        Ok(())
    }

    /// Remove claim `id` whatever its status, here at once and from storage in turn. Only
    /// the training workspace does this, replacing its claims by the script's; a partner's
    /// claim goes through [`AppState::delete`], which asks the rules.
    pub fn remove(&self, id: Uuid) {
        self.forget(id);
        let stored = self.pending.with_value(|p| p.stored.contains_key(&id));
        if stored {
            self.pending.update_value(|p| {
                p.removals.insert(id);
            });
            self.save_pending();
        }
    }

    /// Drop claim `id` from memory (deleted, gone elsewhere, or kept aside).
    fn forget(&self, id: Uuid) {
        self.claims.update(|claims| claims.retain(|c| c.id != id));
        self.summaries
            .update(|summaries| summaries.retain(|s| s.id != id));
        self.unsaved.update(|set| {
            set.remove(&id);
        });
    }

    /// Write every unsaved claim and pending removal, one at a time, each naming the
    /// revision it replaces. Returns at once; a run already under way picks up new work.
    pub fn save_pending(&self) {
        let Some(db) = self.db.get_value() else {
            return;
        };
        let already = self.pending.with_value(|p| p.running);
        if already {
            return;
        }
        self.pending.update_value(|p| p.running = true);
        let state = *self;
        spawn_local(async move {
            state.save_all(&db).await;
            state.pending.update_value(|p| p.running = false);
        });
    }

    async fn save_all(self, db: &ClaimDb) {
        // Each claim is tried once per run: a failed one waits for the next run.
        let mut tried = BTreeSet::new();
        loop {
            let removal = self
                .pending
                .with_value(|p| p.removals.iter().find(|id| !tried.contains(*id)).copied());
            if let Some(id) = removal {
                tried.insert(id);
                if !self.remove_stored(db, id).await {
                    return;
                }
                continue;
            }
            let next = self
                .unsaved
                .with_untracked(|set| set.iter().find(|id| !tried.contains(*id)).copied());
            let Some(id) = next else { break };
            let Some(claim) = self.claim_untracked(id) else {
                self.unsaved.update(|set| {
                    set.remove(&id);
                });
                continue;
            };
            let replaces = self.pending.with_value(|p| p.stored.get(&id).copied());
            match db.write(&claim, replaces).await {
                Ok(()) => {
                    self.pending.update_value(|p| {
                        p.stored.insert(id, claim.revision);
                    });
                    // A rescue copy left by an earlier page is stale now.
                    self.store.remove_rescue(&self.store.rescue_key(id));
                    // A later change made while this write ran is written in turn.
                    if self.claim_untracked(id).map(|c| c.revision) == Some(claim.revision) {
                        tried.insert(id);
                        self.unsaved.update(|set| {
                            set.remove(&id);
                        });
                    }
                    self.announce(Change::Claim(id));
                }
                Err(StoreError::ChangedElsewhere { .. }) => {
                    tried.insert(id);
                    self.lost_to_other_tab(db, &claim).await;
                }
                Err(StoreError::KeptAside(entry)) => {
                    // The unreadable stored entry is now kept aside; nothing is stored
                    // under this ID any more, so this claim is written as new.
                    self.kept_aside.update(|list| list.push(*entry));
                    self.pending.update_value(|p| {
                        p.stored.remove(&id);
                    });
                }
                Err(StoreError::Unavailable(why)) => return self.keep_in_memory(why),
                Err(error @ (StoreError::QuotaExceeded | StoreError::Other { .. })) => {
                    self.storage_problem.set(Some(error));
                    return;
                }
            }
        }
        if self.unsaved.with_untracked(BTreeSet::is_empty)
            && matches!(
                self.storage_problem.get_untracked(),
                Some(StoreError::QuotaExceeded | StoreError::Other { .. })
            )
        {
            self.storage_problem.set(None);
        }
    }

    /// Remove claim `id` from the database; `false` when storage failed (try later).
    async fn remove_stored(&self, db: &ClaimDb, id: Uuid) -> bool {
        let Some(revision) = self.pending.with_value(|p| p.stored.get(&id).copied()) else {
            self.pending.update_value(|p| {
                p.removals.remove(&id);
            });
            return true;
        };
        match db.remove(id, revision).await {
            Ok(()) => {
                self.pending.update_value(|p| {
                    p.removals.remove(&id);
                    p.stored.remove(&id);
                });
                self.announce(Change::Claim(id));
                true
            }
            Err(StoreError::ChangedElsewhere { .. } | StoreError::KeptAside(_)) => {
                // Another tab changed it: it is not removed, and shows again.
                self.pending.update_value(|p| {
                    p.removals.remove(&id);
                });
                self.notice.set(Some(Notice::ChangedInOtherTab(id)));
                self.reload_claim(db, id).await;
                true
            }
            Err(StoreError::Unavailable(why)) => {
                self.keep_in_memory(why);
                false
            }
            Err(error @ (StoreError::QuotaExceeded | StoreError::Other { .. })) => {
                self.storage_problem.set(Some(error));
                false
            }
        }
    }

    /// Another tab stored this claim first: this tab's version is kept aside (nothing is
    /// lost, it can be downloaded), the stored one is shown, and a notice says so.
    async fn lost_to_other_tab(&self, db: &ClaimDb, mine: &Claim) {
        let raw = serde_json::to_string(mine).unwrap_or_default();
        let kept = db
            .keep_aside(
                KeptAsideOrigin::Memory,
                &mine.id.to_string(),
                &raw,
                crate::store::KeptAsideReason::ChangedInAnotherTab {
                    revision: mine.revision,
                },
            )
            .await;
        match kept {
            Ok(entry) => {
                self.kept_aside.update(|list| list.push(entry));
                self.unsaved.update(|set| {
                    set.remove(&mine.id);
                });
                self.notice
                    .set(Some(Notice::KeptAsideAfterOtherTab(mine.id)));
                self.reload_claim(db, mine.id).await;
            }
            // Not even kept aside: it stays unsaved here, with the export offer.
            Err(error) => self.storage_problem.set(Some(error)),
        }
    }

    /// Re-read claim `id` from the database (another tab changed it).
    async fn reload_claim(&self, db: &ClaimDb, id: Uuid) {
        match db.claim(id).await {
            Ok(Some(claim)) => {
                self.pending.update_value(|p| {
                    p.stored.insert(id, claim.revision);
                });
                let cached = self.claim_untracked(id).is_some();
                self.put_summary(ClaimSummary::of(&claim));
                if cached {
                    self.put_claim(claim);
                }
            }
            Ok(None) => {
                self.pending.update_value(|p| {
                    p.stored.remove(&id);
                });
                self.forget(id);
            }
            Err(StoreError::KeptAside(entry)) => {
                self.forget(id);
                self.kept_aside.update(|list| list.push(*entry));
            }
            Err(error) => self.storage_problem.set(Some(error)),
        }
    }

    /// Store imported claims, each replacing the revision `base` it was merged with here
    /// (`None`: new), in batches of one transaction each. Says exactly what was stored.
    pub async fn import(&self, claims: Vec<(Claim, Option<u64>)>) -> ImportOutcome {
        let mut outcome = ImportOutcome::default();
        let mut to_store = Vec::new();
        // Looked up once: an import of ten thousand claims must not search the claims
        // here once per claim.
        let here: HashMap<Uuid, u64> = self.claims.with_untracked(|claims| {
            claims
                .iter()
                .map(|claim| (claim.id, claim.revision))
                .collect()
        });
        let unsaved = self.unsaved.get_untracked();
        for (claim, base) in claims {
            if here.get(&claim.id).copied() != base {
                let name = claim.fields.name.trim().to_string();
                outcome.refused.push((name, ChangeError::ChangedElsewhere));
            } else if unsaved.contains(&claim.id) {
                // Its earlier change here is not stored yet: the import builds on it in
                // memory and is written with it.
                self.put_in_memory(claim);
                outcome.only_in_memory += 1;
            } else {
                to_store.push(claim);
            }
        }
        let db = self.db.get_value();
        for batch in to_store.chunks(IMPORT_BATCH) {
            let Some(db) = db.as_ref().filter(|_| self.storage_problem_allows_writes()) else {
                self.keep_unsaved(batch, &mut outcome);
                continue;
            };
            let writes: Vec<Write<'_>> = batch
                .iter()
                .map(|claim| Write {
                    claim,
                    replaces: self
                        .pending
                        .with_value(|p| p.stored.get(&claim.id).copied()),
                })
                .collect();
            match db.write_batch(&writes).await {
                Ok(results) => {
                    let mut stored = Vec::with_capacity(batch.len());
                    for (claim, result) in batch.iter().zip(results) {
                        let name = claim.fields.name.trim().to_string();
                        match result {
                            Ok(()) => {
                                self.pending.update_value(|p| {
                                    p.stored.insert(claim.id, claim.revision);
                                });
                                stored.push(claim.clone());
                                outcome.stored += 1;
                            }
                            Err(StoreError::KeptAside(entry)) => {
                                self.kept_aside.update(|list| list.push(*entry));
                                outcome.refused.push((name, ChangeError::KeptAside));
                            }
                            Err(_) => {
                                self.reload_claim(db, claim.id).await;
                                outcome.refused.push((name, ChangeError::ChangedElsewhere));
                            }
                        }
                    }
                    self.put_many_in_memory(stored);
                }
                Err(StoreError::Unavailable(why)) => {
                    self.keep_in_memory(why);
                    self.keep_unsaved(batch, &mut outcome);
                }
                Err(error) => {
                    self.storage_problem.set(Some(error));
                    self.keep_unsaved(batch, &mut outcome);
                }
            }
        }
        self.announce(Change::All);
        outcome
    }

    /// Whether writing is worth trying: not after a full disk in this same import.
    fn storage_problem_allows_writes(&self) -> bool {
        !matches!(
            self.storage_problem.get_untracked(),
            Some(StoreError::QuotaExceeded)
        )
    }

    fn keep_unsaved(&self, batch: &[Claim], outcome: &mut ImportOutcome) {
        for claim in batch {
            self.unsaved.update(|set| {
                set.insert(claim.id);
            });
            self.put_in_memory(claim.clone());
            outcome.only_in_memory += 1;
        }
    }

    /// Discard kept-aside entry `entry`, on the user's explicit request.
    pub fn discard_kept_aside(&self, entry: KeptAside) {
        let Some(db) = self.db.get_value() else {
            return;
        };
        let state = *self;
        spawn_local(async move {
            match db.discard_kept_aside(entry.id, &entry.raw).await {
                Ok(()) => state
                    .kept_aside
                    .update(|list| list.retain(|e| e.id != entry.id)),
                Err(error) => state.storage_problem.set(Some(error)),
            }
        });
    }

    /// The revision of the stored settings shown now (a form remembers it when it opens).
    pub fn settings_revision(&self) -> Option<u64> {
        self.settings_revision.get_value()
    }

    /// Save settings (the caller has checked them with the rules) made on stored revision
    /// `replaces` ([`AppState::settings_revision`] when the form opened); returns the new
    /// revision. They apply here at once unless another revision is stored (another tab
    /// saved settings since): then nothing is written, the stored settings are shown, and
    /// [`SettingsError::ChangedElsewhere`] says so. Stored settings that cannot be read
    /// are kept aside (listed, downloadable) before they are replaced.
    pub async fn save_settings(
        &self,
        settings: Settings,
        replaces: Option<u64>,
    ) -> Result<Option<u64>, SettingsError> {
        let stale = match (self.settings_from_elsewhere.get_value(), replaces) {
            (Some(elsewhere), Some(base)) => elsewhere > base,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if stale {
            return Err(SettingsError::ChangedElsewhere);
        }
        let store = SettingsStore::new(self.namespace);
        let db = self.db.get_value();
        let mut replaces = self.settings_revision.get_value();
        let mut set_aside = false;
        loop {
            match store.write(db.as_ref(), &settings, replaces).await {
                Ok(revision) => {
                    self.settings_revision.set_value(Some(revision));
                    self.unreadable_settings.set(None);
                    self.settings.set(settings);
                    return Ok(Some(revision));
                }
                // The unreadable entry is in the kept-aside store now; none is stored.
                Err(StoreError::KeptAside(entry)) if !set_aside => {
                    set_aside = true;
                    self.kept_aside.update(|list| list.push(*entry));
                    self.unreadable_settings.set(None);
                    replaces = None;
                }
                Err(StoreError::ChangedElsewhere { .. }) => {
                    self.follow_settings();
                    return Err(SettingsError::ChangedElsewhere);
                }
                // No database to keep an unreadable entry aside in: it is copied aside in
                // local storage, as the previous version did, and the settings written.
                Err(StoreError::Unavailable(Unavailable::NoIndexedDb)) => {
                    let result = self.store.write_entry(
                        "settings",
                        &settings,
                        self.clock.now().as_millisecond(),
                    );
                    self.settings.set(settings);
                    return match result {
                        Ok(()) => {
                            self.unreadable_settings.set(None);
                            self.settings_revision.set_value(Some(0));
                            Ok(Some(0))
                        }
                        Err(_) => Err(SettingsError::NotSaved),
                    };
                }
                Err(_) => {
                    self.settings.set(settings);
                    return Err(SettingsError::NotSaved);
                }
            }
        }
    }

    /// Show the stored settings and remember their revision (another tab saved them).
    fn follow_settings(&self) {
        match SettingsStore::new(self.namespace).read::<Settings>() {
            Ok(Some(stored)) => {
                self.settings_revision.set_value(Some(stored.revision));
                self.settings_from_elsewhere
                    .set_value(Some(stored.revision));
                self.unreadable_settings.set(None);
                self.settings.set(stored.value);
            }
            Ok(None) => self.settings_revision.set_value(None),
            Err(_) => {
                if let Err(entry) = self.store.read_entry::<Settings>("settings") {
                    self.unreadable_settings.set(Some(entry));
                }
                self.settings_revision.set_value(None);
            }
        }
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
        let state = *self;
        spawn_local(async move {
            match state
                .save_settings(settings, state.settings_revision())
                .await
            {
                Ok(_) => {}
                // Another tab saved settings meanwhile: the language is chosen again
                // on top of them, so neither change is lost.
                Err(SettingsError::ChangedElsewhere) => {
                    let mut again = state.settings.get_untracked();
                    again.locale = Some(locale);
                    if state
                        .save_settings(again, state.settings_revision())
                        .await
                        .is_err()
                    {
                        state.notice.set(Some(Notice::LanguageNotSaved));
                    }
                }
                Err(SettingsError::NotSaved) => state.notice.set(Some(Notice::LanguageNotSaved)),
            }
        });
    }

    fn put_in_memory(&self, claim: Claim) {
        // The change was stamped with the clock's current time; move the shown time up to
        // it now, so nothing is asked of the rules at a moment before the change.
        self.now.set(self.clock.now());
        self.put_summary(ClaimSummary::of(&claim));
        self.put_claim(claim);
    }

    /// [`AppState::put_in_memory`] for many claims at once: one update of each list, so
    /// the pages showing them are told once rather than once per claim.
    fn put_many_in_memory(&self, batch: Vec<Claim>) {
        if batch.is_empty() {
            return;
        }
        self.now.set(self.clock.now());
        let mut summaries: HashMap<Uuid, ClaimSummary> = batch
            .iter()
            .map(|claim| (claim.id, ClaimSummary::of(claim)))
            .collect();
        let order: Vec<Uuid> = batch.iter().map(|claim| claim.id).collect();
        self.summaries.update(|list| {
            for slot in list.iter_mut() {
                if let Some(summary) = summaries.remove(&slot.id) {
                    *slot = summary;
                }
            }
            list.extend(order.iter().filter_map(|id| summaries.remove(id)));
        });
        let mut claims: HashMap<Uuid, Claim> =
            batch.into_iter().map(|claim| (claim.id, claim)).collect();
        self.claims.update(|list| {
            for slot in list.iter_mut() {
                if let Some(claim) = claims.remove(&slot.id) {
                    *slot = claim;
                }
            }
            list.extend(order.iter().filter_map(|id| claims.remove(id)));
        });
    }

    fn put_claim(&self, claim: Claim) {
        self.claims.update(
            |claims| match claims.iter_mut().find(|c| c.id == claim.id) {
                Some(slot) => *slot = claim,
                None => claims.push(claim),
            },
        );
    }

    fn put_summary(&self, summary: ClaimSummary) {
        self.summaries.update(|summaries| {
            match summaries.iter_mut().find(|s| s.id == summary.id) {
                Some(slot) => *slot = summary,
                None => summaries.push(summary),
            }
        });
    }

    /// Tell the workspace's other tabs.
    fn announce(&self, change: Change) {
        self.channel.with_value(|channel| {
            if let Some(channel) = channel {
                let post = js_sys::Reflect::get(channel, &"postMessage".into())
                    .ok()
                    .and_then(|post| post.dyn_into::<js_sys::Function>().ok());
                if let Some(post) = post {
                    let _ = post.call1(channel, &JsValue::from_str(&change.text()));
                }
            }
        });
    }

    /// Rescue unsaved claims when the page goes away or is hidden (a phone may discard a
    /// hidden tab without another event).
    fn rescue_on_leaving(&self) {
        let state = *self;
        let on_leave = Closure::<dyn Fn()>::new(move || {
            if document().hidden() {
                state.rescue_unsaved();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_leave.as_ref().unchecked_ref(),
        );
        on_leave.forget();
        let on_hide = Closure::<dyn Fn()>::new(move || state.rescue_unsaved());
        let _ =
            window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        on_hide.forget();
    }

    /// Follow changes other tabs make: claims through the workspace's broadcast channel
    /// (at once, with the claim's ID), settings through local storage's `storage` event.
    fn follow_other_tabs(&self) {
        let state = *self;
        if let Some(channel) = broadcast_channel(self.namespace.name()) {
            let listener = Closure::<dyn Fn(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    if let Some(change) = event.data().as_string().as_deref().and_then(Change::read)
                    {
                        spawn_local(async move { state.follow(change).await });
                    }
                },
            );
            let _ = js_sys::Reflect::set(&channel, &"onmessage".into(), listener.as_ref());
            listener.forget();
            self.channel.set_value(Some(channel));
        }
        let settings_key = self.store.entry_key("settings");
        let listener =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                if event.key().as_deref() == Some(settings_key.as_str()) || event.key().is_none() {
                    state.follow_settings();
                }
            });
        let _ =
            window().add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
        listener.forget();
    }

    async fn follow(&self, change: Change) {
        let Some(db) = self.db.get_value() else {
            return;
        };
        match change {
            Change::Claim(id) => {
                if self.unsaved.with_untracked(|set| set.contains(&id)) {
                    self.notice.set(Some(Notice::ChangedInOtherTab(id)));
                    return;
                }
                self.reload_claim(&db, id).await;
            }
            Change::All => {
                if let Ok(found) = db.summaries().await {
                    let unsaved = self.unsaved.get_untracked();
                    self.pending.update_value(|p| {
                        p.stored = found.summaries.iter().map(|s| (s.id, s.revision)).collect();
                    });
                    let mine: Vec<ClaimSummary> = self.summaries.with_untracked(|list| {
                        list.iter()
                            .filter(|s| unsaved.contains(&s.id))
                            .cloned()
                            .collect()
                    });
                    let mut list: Vec<ClaimSummary> = found
                        .summaries
                        .into_iter()
                        .filter(|s| !unsaved.contains(&s.id))
                        .collect();
                    list.extend(mine);
                    self.summaries.set(list);
                    // Full claims are read again when next needed.
                    self.claims
                        .update(|claims| claims.retain(|c| unsaved.contains(&c.id)));
                    self.all_loaded.set(false);
                }
                if let Ok(list) = db.kept_aside().await {
                    self.kept_aside.set(list);
                }
            }
        }
    }
}

/// `new BroadcastChannel(name)`, where the browser has it. Called through `js_sys`
/// rather than web-sys's binding: enabling one more web-sys feature rebuilds every crate
/// that depends on web-sys, for two calls.
fn broadcast_channel(name: &str) -> Option<JsValue> {
    let constructor = js_sys::Reflect::get(&js_sys::global(), &"BroadcastChannel".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&name.into())).ok()
}

/// Why the database cannot be used, from the error that stopped it.
fn unavailable(error: StoreError) -> Unavailable {
    match error {
        StoreError::Unavailable(why) => why,
        StoreError::Other { name, message } => Unavailable::Refused { name, message },
        StoreError::QuotaExceeded
        | StoreError::ChangedElsewhere { .. }
        | StoreError::KeptAside(_) => Unavailable::Refused {
            name: String::new(),
            message: error.code().to_string(),
        },
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
