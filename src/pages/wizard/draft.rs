//! The wizard's working copy of a draft and how it reaches storage.
//!
//! What the partner types lives in a working copy ([`Draft::fields`]) so that messages can
//! follow every keystroke. It is saved as field patches of the stored claim (the fields
//! changed since the stored copy the wizard last saw, each with the value it replaces:
//! `components::conflict`), so another tab's change to another field is kept and one to
//! the same field asks the partner to choose. Text is saved when the partner leaves a
//! field (`change`) or stops typing for [`SAVE_AFTER_TYPING`], never per keystroke. Choices (radio buttons,
//! checkboxes) are saved at once. The stored claim is created on the first change, so a
//! wizard opened and left empty leaves nothing behind.

use std::collections::BTreeSet;
use std::time::Duration;

use claim_rules::lifecycle::{self, Action, FieldConflict, FieldPatches, Refusal, Resolution};
use claim_rules::model::{Actor, Claim, ClaimFields};
use claim_rules::validation::{self, Problem};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsValue;

use super::steps::Step;
use crate::components::conflict::{follow_stored, patches_from, settled};
use crate::i18n::{rules, tr, use_i18n, I18n};
use crate::route::{workspace, Route, Workspace};
use crate::state::{AppState, ChangeError};

/// How long after the last keystroke typed text is saved.
pub const SAVE_AFTER_TYPING: Duration = Duration::from_millis(1500);

/// Where the working copy stands with respect to storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing typed yet; no draft stored.
    Empty,
    /// Typed, waiting for a pause or for the field to be left.
    Pending,
    /// Everything typed is stored.
    Saved,
    /// The last save failed, and why (the text stays in the form).
    Failed(ChangeError),
}

/// The wizard's state: the working copy, the stored draft's ID, the step, and which
/// fields have been visited (their messages are shown from then on).
#[derive(Debug, Clone, Copy)]
pub struct Draft {
    state: AppState,
    /// The workspace the wizard is in: its address stays there.
    workspace: Workspace,
    /// The stored draft, once the first change created it.
    pub id: RwSignal<Option<Uuid>>,
    /// What the partner typed, saved or not.
    pub fields: RwSignal<ClaimFields>,
    /// The stored fields the working copy was last saved onto (what a patch replaces).
    base: RwSignal<ClaimFields>,
    /// A save refused because a field was changed elsewhere too: the refused patches and
    /// both values of each such field, until the partner chooses.
    pub conflict: RwSignal<Option<(FieldPatches, Vec<FieldConflict>)>>,
    /// The current step.
    pub step: RwSignal<Step>,
    /// Whether the working copy is saved.
    pub save: RwSignal<SaveState>,
    /// Controls (by element ID) the partner has left at least once.
    touched: RwSignal<BTreeSet<String>>,
    /// Show every field's messages, visited or not (a resumed draft was typed before).
    show_all: RwSignal<bool>,
    /// The partner tried to submit: missing fields are shown as problems too.
    pub submit_attempted: RwSignal<bool>,
    /// Every problem to show: format problems, and after a submit attempt missing fields.
    pub problems: Memo<Vec<Problem>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Draft {
    /// The wizard's state for a new draft (`None`) or for the stored draft `id`.
    pub fn new(state: AppState, id: Option<Uuid>, step: Step) -> Self {
        let stored = id.and_then(|id| {
            state
                .claims
                .with_untracked(|claims| claims.iter().find(|c| c.id == id).cloned())
        });
        let fields = RwSignal::new(
            stored
                .as_ref()
                .map(|claim| claim.fields.clone())
                .unwrap_or_default(),
        );
        let base = RwSignal::new(fields.get_untracked());
        let id = RwSignal::new(stored.as_ref().map(|claim| claim.id));
        // Another tab stored this draft: the fields not changed here take its values.
        Effect::new(move |_| {
            if let Some(stored) = id.get().and_then(|id| state.claim(id)) {
                follow_stored(base, fields, &stored.fields);
            }
        });
        let submit_attempted = RwSignal::new(false);
        let problems = Memo::new(move |_| {
            if submit_attempted.get() {
                let claim = preview_claim(state, id.get(), &fields.get());
                validation::submit_problems(&claim)
            } else {
                fields.with(validation::field_problems)
            }
        });
        Draft {
            state,
            workspace: workspace(),
            id,
            fields,
            base,
            conflict: RwSignal::new(None),
            step: RwSignal::new(step),
            save: RwSignal::new(if stored.is_some() {
                SaveState::Saved
            } else {
                SaveState::Empty
            }),
            touched: RwSignal::new(BTreeSet::new()),
            show_all: RwSignal::new(stored.is_some()),
            submit_attempted,
            problems,
            timer: StoredValue::new(None),
        }
    }

    /// The calendar's time zone (for refusals that name a time), untracked.
    pub fn time_zone(&self) -> String {
        self.state.time_zone_untracked()
    }

    /// The stored draft (reactive).
    pub fn claim(&self) -> Option<Claim> {
        self.id.get().and_then(|id| self.state.claim(id))
    }

    /// The claim as it would be with the working copy saved (reactive): what the review
    /// step, readiness and competition checks look at.
    pub fn preview(&self) -> Claim {
        preview_claim(self.state, self.id.get(), &self.fields.get())
    }

    /// The messages to show beside the control `element_id`, for problems within the
    /// field `path` (reactive). A control's messages appear once it has been left, so
    /// nobody is told off for a half-typed value.
    pub fn messages(
        &self,
        element_id: &str,
        path: impl Fn() -> String + Send + Sync + 'static,
    ) -> Signal<Vec<String>> {
        self.messages_where(element_id, move |problem| problem.is_within(&path()))
    }

    /// Like [`Draft::messages`], for the problems `shows` picks (a group that shows some
    /// of its members' problems itself). Call it from a component: the messages are
    /// worded in the language of the moment.
    pub fn messages_where(
        &self,
        element_id: &str,
        shows: impl Fn(&Problem) -> bool + Send + Sync + 'static,
    ) -> Signal<Vec<String>> {
        let draft = *self;
        let i18n = use_i18n();
        let element_id = element_id.to_string();
        Signal::derive(move || {
            let visible = draft.show_all.get()
                || draft.submit_attempted.get()
                || draft.touched.with(|touched| touched.contains(&element_id));
            if !visible {
                return Vec::new();
            }
            draft.problems.with(|problems| {
                problems
                    .iter()
                    .filter(|p| shows(p))
                    .map(|p| rules::problem(&i18n, p))
                    .collect()
            })
        })
    }

    /// Whether every message is shown, visited or not (reactive): a resumed draft, or
    /// after a submit attempt.
    pub fn reveals_all(&self) -> bool {
        self.show_all.get() || self.submit_attempted.get()
    }

    /// A keystroke in a text control: update the working copy and save after a pause.
    pub fn type_text(&self, update: impl FnOnce(&mut ClaimFields)) {
        self.fields.update(update);
        self.save.set(SaveState::Pending);
        self.cancel_timer();
        let draft = *self;
        let handle =
            set_timeout_with_handle(move || draft.save_after_pause(), SAVE_AFTER_TYPING).ok();
        self.timer.set_value(handle);
    }

    /// The partner left a text control (or pressed Enter): show its messages and save.
    pub fn leave(&self, element_id: &str) {
        self.touch(element_id);
        self.commit();
    }

    /// A choice (radio button, checkbox): update the working copy and save at once.
    pub fn choose(&self, element_id: &str, update: impl FnOnce(&mut ClaimFields)) {
        self.fields.update(update);
        self.touch(element_id);
        self.commit();
    }

    fn touch(&self, element_id: &str) {
        if !self
            .touched
            .with_untracked(|touched| touched.contains(element_id))
        {
            self.touched.update(|touched| {
                touched.insert(element_id.to_string());
            });
        }
    }

    fn cancel_timer(&self) {
        if let Some(Some(handle)) = self.timer.try_get_value() {
            handle.clear();
        }
        self.timer.try_set_value(None);
    }

    fn save_after_pause(&self) {
        // The timer runs outside the component; it may fire after the wizard is gone.
        if self.fields.try_get_untracked().is_some() {
            self.timer.try_set_value(None);
            self.commit();
        }
    }

    /// Save the working copy now if it differs from the stored draft.
    pub fn commit(&self) {
        self.cancel_timer();
        // `try_`: this also runs while the wizard is being closed.
        let (Some(fields), Some(id)) =
            (self.fields.try_get_untracked(), self.id.try_get_untracked())
        else {
            return;
        };
        // Nothing more is sent while the partner has a conflict to settle: the choice
        // would be asked again and the choices made so far lost.
        if let Some(Some((_, conflicts))) = self.conflict.try_get_untracked() {
            self.save.try_set(SaveState::Failed(ChangeError::Refused(
                Refusal::PatchConflict { conflicts },
            )));
            return;
        }
        let result = match id {
            None if fields == ClaimFields::default() => return,
            None => self.create(fields).map(|_| ()),
            Some(id) => self.send(id, patches_from(&self.base.get_untracked(), &fields)),
        };
        self.after_save(result);
    }

    /// Store `patches` on draft `id`; a conflict is kept for the partner to settle.
    fn send(&self, id: Uuid, patches: FieldPatches) -> Result<(), ChangeError> {
        if patches.is_empty() {
            return Ok(());
        }
        let result = self.state.perform(
            id,
            Action::Patch(patches.clone()),
            Actor::Partner,
            self.state.clock.now(),
        );
        match result {
            Ok(claim) => {
                self.base.set(claim.fields);
                Ok(())
            }
            Err(ChangeError::Refused(Refusal::PatchConflict { conflicts })) => {
                self.conflict.set(Some((patches, conflicts.clone())));
                Err(ChangeError::Refused(Refusal::PatchConflict { conflicts }))
            }
            Err(error) => Err(error),
        }
    }

    /// The partner chose a value for each field in conflict: store the settled patches.
    pub fn settle(&self, patches: FieldPatches, choices: Vec<(FieldConflict, Resolution)>) {
        let Some(id) = self.id.get_untracked() else {
            return;
        };
        self.conflict.set(None);
        let result = self.send(id, patches);
        if let Ok(()) | Err(ChangeError::Refused(Refusal::NoChange { .. })) = &result {
            if let Some(claim) = self.state.claim(id) {
                settled(self.base, self.fields, &claim.fields, &choices);
            }
        }
        self.after_save(result);
    }

    fn create(&self, fields: ClaimFields) -> Result<Uuid, ChangeError> {
        let claim = self.state.create_draft(fields)?;
        self.base.set(claim.fields.clone());
        self.id.set(Some(claim.id));
        self.show_address();
        Ok(claim.id)
    }

    fn after_save(&self, result: Result<(), ChangeError>) {
        match result {
            Ok(()) | Err(ChangeError::Refused(Refusal::NoChange { .. })) => {
                self.save.try_set(SaveState::Saved);
            }
            Err(ChangeError::ChangedElsewhere) => {
                // Another tab saved this draft first: show what is stored now rather than
                // overwrite it; the partner sees it and can type again.
                if let Some(claim) = self.id.get_untracked().and_then(|id| self.state.claim(id)) {
                    self.base.set(claim.fields.clone());
                    self.fields.set(claim.fields);
                }
                self.save
                    .set(SaveState::Failed(ChangeError::ChangedElsewhere));
            }
            Err(error) => self.save.set(SaveState::Failed(error)),
        }
    }

    /// Perform an action on the draft (PoE, checklist, submit), creating the draft first if
    /// nothing was typed yet and saving pending text before.
    pub fn perform(&self, action: Action) -> Result<Claim, ChangeError> {
        self.commit();
        if let Some((_, conflicts)) = self.conflict.get_untracked() {
            return Err(ChangeError::Refused(Refusal::PatchConflict { conflicts }));
        }
        let id = match self.id.get_untracked() {
            Some(id) => id,
            None => self.create(self.fields.get_untracked())?,
        };
        let result = self
            .state
            .perform(id, action, Actor::Partner, self.state.clock.now());
        if let Err(ChangeError::ChangedElsewhere) = result {
            if let Some(claim) = self.state.claim(id) {
                self.base.set(claim.fields.clone());
                self.fields.set(claim.fields);
            }
        }
        result
    }

    /// Delete the stored draft (the rules decide whether it may be deleted).
    pub fn delete(&self) -> Result<(), ChangeError> {
        self.cancel_timer();
        match self.id.get_untracked() {
            Some(id) => self.state.delete(id),
            None => Ok(()),
        }
    }

    /// Put the draft and the step in the address bar without reloading the page, so a
    /// reload resumes here. `replaceState` does not fire `hashchange`, so the wizard is not
    /// rebuilt (and focus stays where the partner is typing).
    pub fn show_address(&self) {
        let base = match self.id.get_untracked() {
            Some(id) => Route::EditDraft(id).within(self.workspace).href(),
            None => Route::NewClaim.href(),
        };
        let address = format!("{base}?step={}", self.step.get_untracked().code());
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
        }
    }

    /// Save what is pending (the wizard is closing).
    pub fn flush(&self) {
        if self.timer.try_get_value().flatten().is_some() {
            self.commit();
        }
    }
}

/// The stored claim with `fields` in place, or a new draft with them when none is stored.
fn preview_claim(state: AppState, id: Option<Uuid>, fields: &ClaimFields) -> Claim {
    let stored = id.and_then(|id| state.claim(id));
    let mut claim = stored.unwrap_or_else(|| {
        lifecycle::new_claim(
            Uuid::nil(),
            state.now.get_untracked(),
            ClaimFields::default(),
        )
    });
    claim.fields = fields.clone();
    claim.fields.normalize();
    claim
}

/// A change error in words for the partner (the rules' refusals worded from the
/// catalogue, times in the calendar's zone).
pub fn describe_error_with(i18n: I18n, error: &ChangeError, zone: &str) -> String {
    match error {
        ChangeError::Refused(refusal) => rules::refusal(&i18n, refusal, zone),
        ChangeError::ChangedElsewhere => tr!(i18n, wizard.changed_elsewhere),
        ChangeError::KeptAside => tr!(i18n, wizard.kept_aside),
        ChangeError::NotFound => tr!(i18n, wizard.draft_gone),
    }
}
