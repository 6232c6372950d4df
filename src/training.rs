//! The training workspace: the same app over a second [`AppState`], built from
//! [`Namespace::Training`] and a [`SimulatedClock`], and the scenario being played on it.
//!
//! The rules play the scenario ([`Replay`]); this module only decides which of the
//! replay's moments the workspace's claims show. While the trainer follows the script,
//! the workspace holds the claims as they stand after the last step due at the simulated
//! time (the app then advances them to that time through the rules, as it does for real
//! claims, so an auto-rejection appears the moment the clock passes the deadline). When
//! the trainer acts on a claim from the claim page, the claims no longer are the
//! script's: the workspace is "taken over" and the script stops writing, until the
//! trainer steps or jumps, which returns to the script.

use std::sync::Arc;

use claim_rules::scenarios::{self, NextEvent, Replay, ScenarioClaim, ScenarioError, ScenarioId};
use jiff::Timestamp;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::clock::{browser_now, AppClock, SimulatedClock, Speed};
use crate::i18n::{self, I18n, Locale};
use crate::state::{AppState, ChangeError, Keeping};
use crate::storage::{Namespace, WriteError};

/// A scenario played through the rules, in one language (its scripted comments are
/// worded when played).
#[derive(Debug, Clone)]
pub struct Played {
    id: ScenarioId,
    locale: Locale,
    /// The replay, or the defect that keeps the scenario from playing.
    pub replay: Arc<Result<Replay, ScenarioError>>,
}

impl PartialEq for Played {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.locale == other.locale
    }
}

/// What the script last wrote: after how many steps, and the revisions it left. Claims
/// that differ from these were changed by the trainer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Written {
    steps: usize,
    revisions: Vec<(Uuid, u64)>,
}

/// The training workspace, shared as context.
#[derive(Debug, Clone, Copy)]
pub struct Training {
    /// The workspace's state: its own claims, on the simulated clock.
    pub state: AppState,
    /// The simulated clock.
    pub clock: SimulatedClock,
    /// The scenario chosen, if any.
    pub scenario: RwSignal<Option<ScenarioId>>,
    /// The chosen scenario, played.
    pub played: Memo<Option<Played>>,
    written: RwSignal<Option<Written>>,
    /// The "ask the room" steps whose answer has been revealed.
    pub revealed: RwSignal<Vec<usize>>,
    /// Larger type, for presenting to a room.
    pub large_type: RwSignal<bool>,
    /// Whether the session a reload left has been restored (nothing is stored before).
    restored: RwSignal<bool>,
}

/// What a reload keeps of a training session: the scenario, where the clock stood and at
/// what speed (it comes back paused), the answers revealed, larger type, and what the
/// script last wrote (so claims the trainer changed stay as they are).
#[derive(Debug, Serialize, Deserialize)]
struct Session {
    scenario: String,
    at: Timestamp,
    speed: String,
    revealed: Vec<usize>,
    large_type: bool,
    written: Option<Written>,
}

/// The local-storage key of the session: outside `<workspace>/v1/`, whose entries the
/// move to the database treats as claims of the old layout.
fn session_key() -> String {
    format!("{}/session", Namespace::Training.name())
}

impl Training {
    /// Open the training workspace (its claims are whatever a previous session left; the
    /// clock stands paused at the real time until a scenario starts).
    pub fn open(i18n: I18n) -> Self {
        let clock = SimulatedClock::paused_at(browser_now());
        let state = AppState::start(Namespace::Training, AppClock::Simulated(clock));
        // The script rewrites the workspace's claims, so it needs every one of them, not
        // only their summaries: read them once the database is open.
        Effect::new(move |_| {
            if state.keeping.get() == Keeping::Stored {
                spawn_local(async move { state.load_all_claims().await });
            }
        });
        let scenario = RwSignal::new(None::<ScenarioId>);
        let played = Memo::new(move |_| {
            scenario.get().map(|id| {
                let words = |remark| i18n::scenario::remark(&i18n, remark);
                Played {
                    id,
                    locale: i18n.locale(),
                    replay: Arc::new(Replay::run(&scenarios::scenario(id), &words)),
                }
            })
        });
        let training = Training {
            state,
            clock,
            scenario,
            played,
            written: RwSignal::new(None),
            revealed: RwSignal::new(Vec::new()),
            large_type: RwSignal::new(false),
            restored: RwSignal::new(false),
        };
        // A reload returns to the same point, once the workspace's claims are read.
        Effect::new(move |_| {
            if !training.restored.get_untracked() && state.all_loaded.get() {
                training.restore_session();
                training.restored.set(true);
            }
        });
        // Kept whenever it changes while the clock stands, and on leaving the page.
        Effect::new(move |_| {
            let restored = training.restored.get();
            training.scenario.track();
            training.written.track();
            training.revealed.track();
            training.large_type.track();
            state.now.track();
            if restored && !clock.is_playing() {
                training.save_session();
            }
        });
        let on_leave = window_event_listener_untyped("pagehide", move |_| {
            if training.restored.get_untracked() {
                training.save_session();
            }
        });
        // While the clock plays, the scripted steps due reach the claims as it passes them.
        Effect::new(move |_| {
            state.now.track();
            training.follow_script(false);
        });
        // The simulated clock can run a day a second: refresh the shown time often.
        let ticker = set_interval_with_handle(
            move || {
                if clock.is_playing_untracked() {
                    state.now.set(clock.now());
                }
            },
            std::time::Duration::from_millis(100),
        );
        on_cleanup(move || {
            if let Ok(handle) = ticker {
                handle.clear();
            }
            on_leave.remove();
        });
        training
    }

    /// Store the session, or remove it when no scenario is chosen. Best effort: a
    /// session that cannot be stored only means a reload starts from the list.
    fn save_session(&self) {
        let Ok(Some(storage)) = window().local_storage() else {
            return;
        };
        let Some(id) = self.scenario.get_untracked() else {
            let _ = storage.remove_item(&session_key());
            return;
        };
        let session = Session {
            scenario: id.code().to_string(),
            at: self.clock.now(),
            speed: self.clock.speed_untracked().code().to_string(),
            revealed: self.revealed.get_untracked(),
            large_type: self.large_type.get_untracked(),
            written: self.written.get_untracked(),
        };
        if let Ok(text) = serde_json::to_string(&session) {
            let _ = storage.set_item(&session_key(), &text);
        }
    }

    /// Return to the session a reload left, paused. A stored session that cannot be read
    /// (damaged, or a scenario this version does not have) is ignored: the list shows,
    /// and the next session replaces it.
    fn restore_session(&self) {
        let Ok(Some(storage)) = window().local_storage() else {
            return;
        };
        let Some(session) = storage
            .get_item(&session_key())
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<Session>(&text).ok())
        else {
            return;
        };
        let Some(id) = ScenarioId::from_code(&session.scenario) else {
            return;
        };
        self.clock.set_playing(false);
        if let Some(speed) = Speed::from_code(&session.speed) {
            self.clock.set_speed(speed);
        }
        self.large_type.set(session.large_type);
        self.revealed.set(session.revealed);
        self.written.set(session.written);
        self.scenario.set(Some(id));
        let policy = scenarios::scenario(id).policy;
        self.state.settings.update(|s| s.policy = policy);
        self.clock.jump_to(session.at);
        self.state.now.set(self.clock.now());
    }

    /// The replay of the chosen scenario (reactive); `None` without one or when it is
    /// defective.
    pub fn replay(&self) -> Option<Arc<Result<Replay, ScenarioError>>> {
        self.played
            .with(|played| played.as_ref().map(|p| p.replay.clone()))
    }

    fn replay_untracked(&self) -> Option<Arc<Result<Replay, ScenarioError>>> {
        self.played
            .with_untracked(|played| played.as_ref().map(|p| p.replay.clone()))
    }

    /// Whether the trainer has changed the claims since the script last wrote them
    /// (reactive).
    pub fn taken_over(&self) -> bool {
        let written = self.written.get();
        let current = self.state.claims.with(|claims| revisions(claims.iter()));
        match written {
            Some(written) => written.revisions != current,
            None => false,
        }
    }

    /// Start a scenario: its rules, its claims at the start, the clock paused at its start.
    pub fn start(&self, id: ScenarioId) {
        self.clock.set_playing(false);
        self.revealed.set(Vec::new());
        self.written.set(None);
        self.scenario.set(Some(id));
        let policy = scenarios::scenario(id).policy;
        self.state.settings.update(|s| s.policy = policy);
        if let Some(Ok(replay)) = self.replay_untracked().as_deref() {
            self.go_to(replay.start());
        }
    }

    /// Leave the scenario (its claims stay until reset).
    pub fn stop(&self) {
        self.clock.set_playing(false);
        // Only when one is chosen: setting it again would redraw the scenario list (and
        // lose what it shows, such as the outcome of a reset).
        if self.scenario.get_untracked().is_some() {
            self.scenario.set(None);
        }
        self.written.set(None);
    }

    /// Play or pause.
    pub fn toggle_play(&self) {
        self.clock.set_playing(!self.clock.is_playing_untracked());
        self.state.now.set(self.clock.now());
    }

    /// Stand at `at`, paused, with the script's claims for that moment.
    pub fn go_to(&self, at: Timestamp) {
        self.clock.set_playing(false);
        self.clock.jump_to(at);
        self.state.now.set(self.clock.now());
        self.follow_script(true);
    }

    /// To the next scripted step.
    pub fn next_step(&self) {
        let Some(played) = self.replay_untracked() else {
            return;
        };
        let Ok(replay) = played.as_ref() else {
            return;
        };
        let done = replay.steps_done_at(self.clock.now());
        if let Some(step) = replay.steps().get(done) {
            self.go_to(step.at);
        }
    }

    /// Back to the step before the last one done (or the start).
    pub fn previous_step(&self) {
        let Some(played) = self.replay_untracked() else {
            return;
        };
        let Ok(replay) = played.as_ref() else {
            return;
        };
        let done = replay.steps_done_at(self.clock.now());
        let at = match done {
            0 => return,
            1 => replay.start(),
            n => replay
                .steps()
                .get(n - 2)
                .map_or(replay.start(), |step| step.at),
        };
        self.go_to(at);
    }

    /// To the next scripted step or deadline, whichever comes first.
    pub fn next_event(&self) -> Option<NextEvent> {
        let played = self.replay_untracked()?;
        let Ok(replay) = played.as_ref() else {
            return None;
        };
        let next = replay.next_event_after(self.clock.now())?;
        self.go_to(next.at);
        Some(next)
    }

    /// Back to the scenario's start.
    pub fn to_start(&self) {
        if let Some(Ok(replay)) = self.replay_untracked().as_deref() {
            self.go_to(replay.start());
        }
    }

    /// Remove every training claim (and leave the scenario). Real claims live in another
    /// namespace and are not touched.
    pub fn reset(&self) -> Result<(), WriteError> {
        self.stop();
        let mut ids: Vec<Uuid> = self
            .state
            .summaries
            .with_untracked(|list| list.iter().map(|summary| summary.id).collect());
        self.state
            .claims
            .with_untracked(|list| ids.extend(list.iter().map(|claim| claim.id)));
        ids.sort();
        ids.dedup();
        for id in ids {
            self.state.remove(id);
        }
        Ok(())
    }

    /// Write the script's claims for the simulated time, when they are not already there.
    /// Unless `force`d, a workspace the trainer has taken over is left alone.
    fn follow_script(&self, force: bool) {
        let Some(replay) = self.replay_untracked() else {
            return;
        };
        let Ok(replay) = replay.as_ref() else {
            return;
        };
        let now = self.state.now.get_untracked();
        let done = replay.steps_done_at(now);
        let written = self.written.get_untracked();
        if !force {
            let current = self
                .state
                .claims
                .with_untracked(|claims| revisions(claims.iter()));
            match &written {
                Some(written) if written.revisions != current => return,
                Some(written) if written.steps == done => return,
                Some(_) | None => {}
            }
        }
        let target = match done.checked_sub(1) {
            Some(last) => replay.claims_after(last).unwrap_or_default(),
            None => replay.claims_at_start(),
        };
        if self.write_claims(target).is_ok() {
            let revisions = self
                .state
                .claims
                .with_untracked(|claims| revisions(claims.iter()));
            self.written.set(Some(Written {
                steps: done,
                revisions,
            }));
        }
    }

    /// Make the workspace hold exactly `target`.
    fn write_claims(&self, target: &[ScenarioClaim]) -> Result<(), ChangeError> {
        let state = self.state;
        let stored = state
            .claims
            .with_untracked(|claims| revisions(claims.iter()));
        for (id, _) in &stored {
            if target.iter().all(|wanted| wanted.claim.id != *id) {
                state.remove(*id);
            }
        }
        for wanted in target {
            let base = stored
                .iter()
                .find(|(id, _)| *id == wanted.claim.id)
                .map(|(_, revision)| *revision);
            state.write(wanted.claim.clone(), base)?;
        }
        Ok(())
    }
}

/// Claims' IDs and revisions, in ID order.
fn revisions<'a>(claims: impl Iterator<Item = &'a claim_rules::model::Claim>) -> Vec<(Uuid, u64)> {
    let mut out: Vec<(Uuid, u64)> = claims.map(|claim| (claim.id, claim.revision)).collect();
    out.sort();
    out
}

/// The training workspace from context.
pub fn use_training() -> Training {
    expect_context::<Training>()
}
