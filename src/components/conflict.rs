//! Editing a claim's fields as patches, and the choice shown when another tab (or an
//! import) changed the same field first.
//!
//! A form keeps two copies: the stored fields it started from (`base`) and what the user
//! typed (`working`). It saves `Action::Patch(FieldPatches::between(base, working))`, so
//! only the fields the user changed are sent, each with the value it replaces; the rules
//! refuse a patch whose replaced value is no longer stored with `Refusal::PatchConflict`,
//! and [`ConflictChoice`] lets the user pick a side for each such field. Nothing is
//! overwritten until then.

use claim_rules::lifecycle::{FieldConflict, FieldPatches, Resolution};
use claim_rules::model::ClaimFields;
use leptos::prelude::*;

use crate::i18n::rules::{field_value_text, patch_field_name};
use crate::i18n::{tr, use_i18n};

/// The patches that turn the stored fields `base` into the typed `working` copy, as the
/// rules will store it (normalized).
pub fn patches_from(base: &ClaimFields, working: &ClaimFields) -> FieldPatches {
    let mut typed = working.clone();
    typed.normalize();
    FieldPatches::between(base, &typed)
}

/// Another tab stored `stored` while this form was open on `base`: the fields this form
/// has not changed take the stored values at once. When the user changed none of the
/// fields that changed elsewhere, `base` moves on to `stored`; otherwise it stays, so the
/// save conflicts on the shared field and the user chooses.
pub fn follow_stored(
    base: RwSignal<ClaimFields>,
    working: RwSignal<ClaimFields>,
    stored: &ClaimFields,
) {
    let Some(old_base) = base.try_get_untracked() else {
        return;
    };
    if &old_base == stored {
        return;
    }
    let Some(typed) = working.try_get_untracked() else {
        return;
    };
    let mine = patches_from(&old_base, &typed).fields();
    let theirs = FieldPatches::between(&old_base, stored);
    let overlap = theirs.fields().iter().any(|field| mine.contains(field));
    if !theirs.is_empty() {
        working.update(|working| {
            for patch in theirs.0 {
                if !mine.contains(&patch.field()) {
                    patch.new.set_in(working);
                }
            }
        });
    }
    if !overlap {
        base.set(stored.clone());
    }
}

/// After the settled patch was stored: the form continues from the stored fields, and the
/// fields where the user kept the other value show it.
pub fn settled(
    base: RwSignal<ClaimFields>,
    working: RwSignal<ClaimFields>,
    stored: &ClaimFields,
    choices: &[(FieldConflict, Resolution)],
) {
    working.update(|working| {
        for (conflict, resolution) in choices {
            match resolution {
                Resolution::TakeTheirs => conflict.field.value_in(stored).set_in(working),
                Resolution::TakeYours => {}
            }
        }
    });
    base.set(stored.clone());
}

/// A field changed both here and elsewhere: both values, and the user's choice for each.
/// `on_settle` gets the patches to apply next and the choices made.
#[component]
pub fn ConflictChoice(
    /// The patches that were refused.
    patches: FieldPatches,
    /// Every field in conflict, with both values.
    conflicts: Vec<FieldConflict>,
    /// Called once every field has a choice.
    on_settle: Callback<(FieldPatches, Vec<(FieldConflict, Resolution)>)>,
    /// Element IDs start with this (two forms on one page stay apart).
    #[prop(default = "conflict")]
    id_prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let choices: Vec<RwSignal<Option<Resolution>>> =
        conflicts.iter().map(|_| RwSignal::new(None)).collect();
    let missing = RwSignal::new(false);
    let title_id = format!("{id_prefix}-title");
    let labelled_by = title_id.clone();
    let rows = conflicts
        .iter()
        .cloned()
        .zip(choices.iter().copied())
        .map(|(conflict, choice)| {
            let name = format!("{id_prefix}-{}", conflict.field.code());
            let field = conflict.field;
            let option = move |resolution: Resolution| {
                let conflict = conflict.clone();
                let value = match resolution {
                    Resolution::TakeTheirs => conflict.theirs,
                    Resolution::TakeYours => conflict.yours,
                };
                let id = format!("{name}-{}", resolution.code());
                let label_for = id.clone();
                view! {
                    <label class="conflict-option" for=label_for data-side=resolution.code()>
                        <input
                            type="radio"
                            id=id
                            name=name.clone()
                            prop:checked=move || choice.get() == Some(resolution)
                            on:change=move |_| {
                                choice.set(Some(resolution));
                                missing.set(false);
                            }
                        />
                        <span class="conflict-side">
                            {move || match resolution {
                                Resolution::TakeTheirs => tr!(i18n, conflict.theirs),
                                Resolution::TakeYours => tr!(i18n, conflict.yours),
                            }}
                        </span>
                        <span class="conflict-value">{move || field_value_text(&i18n, &value)}</span>
                    </label>
                }
            };
            view! {
                <fieldset class="conflict-field">
                    <legend>{move || patch_field_name(&i18n, field)}</legend>
                    {option(Resolution::TakeTheirs)}
                    {option(Resolution::TakeYours)}
                </fieldset>
            }
        })
        .collect_view();
    let save = {
        let choices = choices.clone();
        move |_| {
            let picked: Option<Vec<(FieldConflict, Resolution)>> = conflicts
                .iter()
                .zip(&choices)
                .map(|(conflict, choice)| choice.get_untracked().map(|r| (conflict.clone(), r)))
                .collect();
            match picked {
                None => missing.set(true),
                Some(picked) => {
                    let next = picked
                        .iter()
                        .fold(patches.clone(), |next, (conflict, resolution)| {
                            next.resolve(conflict, *resolution)
                        });
                    on_settle.run((next, picked));
                }
            }
        }
    };
    view! {
        <section class="conflict" role="group" aria-labelledby=labelled_by>
            <h3 id=title_id>{move || tr!(i18n, conflict.title)}</h3>
            <p class="conflict-intro">{move || tr!(i18n, conflict.intro)}</p>
            {rows}
            <p class="form-error" role="alert">{move || missing.get().then(|| tr!(i18n, conflict.choose_each))}</p>
            <button type="button" class="button primary" on:click=save>{move || tr!(i18n, conflict.save)}</button>
        </section>
    }
}
