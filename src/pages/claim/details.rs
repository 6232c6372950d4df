//! The claim's details: shown read-only, and editable in the field groups the rules leave
//! open to the acting role (`lifecycle::field_access`); each locked group says why.
//! Saving sends the fields changed since the form opened as field patches
//! (`components::conflict`), through the same text-field component as the wizard; a field
//! changed elsewhere meanwhile asks the user to choose.

use std::collections::BTreeMap;

use claim_rules::catalog::Product;
use claim_rules::lifecycle::{
    self, Action, EditableField, FieldConflict, FieldPatches, LockReason, Refusal,
};
use claim_rules::model::{
    subscription_applies, Activity, ClaimFields, ClaimedProduct, SolutionArea,
};
use claim_rules::validation::{field_problems, problems_for, Problem};
use leptos::prelude::*;

use super::{failure_text, time_zone, use_claim, Failure};
use crate::i18n::rules::{activities_text, activity_name, products_text, program_list};
use crate::i18n::{rules, tr, use_i18n, I18n};

/// Words a label in the current language.
type Label = fn(&I18n) -> String;
use crate::components::conflict::{follow_stored, patches_from, ConflictChoice};
use crate::components::field::TextField as TextInput;
use crate::state::{use_app, ChangeError, Persisted};

/// A text field of the claim: its group, label, problem path and accessors.
#[derive(Clone, Copy)]
struct TextField {
    group: EditableField,
    section: Option<Label>,
    label: Label,
    path: &'static str,
    input_type: &'static str,
    get: fn(&ClaimFields) -> &String,
    set: fn(&mut ClaimFields) -> &mut String,
}

macro_rules! text_field {
    ($group:ident, $section:expr, $label:expr, $path:literal, $type:literal, $($field:ident).+) => {
        TextField {
            group: EditableField::$group,
            section: $section,
            label: $label,
            path: $path,
            input_type: $type,
            get: |fields| &fields.$($field).+,
            set: |fields| &mut fields.$($field).+,
        }
    };
}

const IDENTITY: [TextField; 4] = [
    text_field!(
        Name,
        None,
        |i18n| tr!(i18n, claim.details.name),
        "fields.name",
        "text",
        name
    ),
    text_field!(
        PartnerId,
        None,
        |i18n| tr!(i18n, claim.details.partner_id),
        "fields.partner_id",
        "text",
        partner_id
    ),
    text_field!(
        CustomerDomain,
        None,
        |i18n| tr!(i18n, claim.details.customer_domain),
        "fields.customer_domain",
        "text",
        customer_domain
    ),
    text_field!(
        TenantId,
        None,
        |i18n| tr!(i18n, claim.details.tenant_id),
        "fields.tenant_id",
        "text",
        tenant_id
    ),
];

const CONTACTS: [TextField; 8] = [
    text_field!(
        Contacts,
        Some(|i18n| tr!(i18n, claim.details.customer_contact)),
        |i18n| tr!(i18n, claim.details.contact_name),
        "fields.customer_contact.name",
        "text",
        customer_contact.name
    ),
    text_field!(
        Contacts,
        Some(|i18n| tr!(i18n, claim.details.customer_contact)),
        |i18n| tr!(i18n, claim.details.contact_title),
        "fields.customer_contact.title",
        "text",
        customer_contact.title
    ),
    text_field!(
        Contacts,
        Some(|i18n| tr!(i18n, claim.details.customer_contact)),
        |i18n| tr!(i18n, claim.details.contact_email),
        "fields.customer_contact.email",
        "email",
        customer_contact.email
    ),
    text_field!(
        Contacts,
        Some(|i18n| tr!(i18n, claim.details.technical_contact)),
        |i18n| tr!(i18n, claim.details.contact_name),
        "fields.technical_contact.name",
        "text",
        technical_contact.name
    ),
    text_field!(
        Contacts,
        Some(|i18n| tr!(i18n, claim.details.technical_contact)),
        |i18n| tr!(i18n, claim.details.contact_title),
        "fields.technical_contact.title",
        "text",
        technical_contact.title
    ),
    text_field!(
        Contacts,
        Some(|i18n| tr!(i18n, claim.details.technical_contact)),
        |i18n| tr!(i18n, claim.details.contact_email),
        "fields.technical_contact.email",
        "email",
        technical_contact.email
    ),
    text_field!(
        Contacts,
        Some(|i18n| tr!(i18n, claim.details.partner_contact)),
        |i18n| tr!(i18n, claim.details.contact_name),
        "fields.partner_contact.name",
        "text",
        partner_contact.name
    ),
    text_field!(
        Contacts,
        Some(|i18n| tr!(i18n, claim.details.partner_contact)),
        |i18n| tr!(i18n, claim.details.contact_email),
        "fields.partner_contact.email",
        "email",
        partner_contact.email
    ),
];

const REVENUE: [TextField; 3] = [
    text_field!(
        RevenueAssociation,
        Some(|i18n| tr!(i18n, claim.details.revenue_association)),
        |i18n| tr!(i18n, claim.details.solution_seller),
        "fields.revenue_association.solution_seller_name",
        "text",
        revenue_association.solution_seller_name
    ),
    text_field!(
        RevenueAssociation,
        Some(|i18n| tr!(i18n, claim.details.revenue_association)),
        |i18n| tr!(i18n, claim.details.customer_name),
        "fields.revenue_association.customer_name",
        "text",
        revenue_association.customer_name
    ),
    text_field!(
        RevenueAssociation,
        Some(|i18n| tr!(i18n, claim.details.revenue_association)),
        |i18n| tr!(i18n, claim.details.isv_solution),
        "fields.revenue_association.isv_solution_name",
        "text",
        revenue_association.isv_solution_name
    ),
];

fn field_label(i18n: &I18n, field: &TextField) -> String {
    match field.section {
        Some(section) => tr!(
            i18n,
            claim.details.field_in_group,
            group = section(i18n),
            field = (field.label)(i18n)
        ),
        None => (field.label)(i18n),
    }
}

fn dash(i18n: &I18n, value: String) -> String {
    if value.trim().is_empty() {
        tr!(i18n, common.not_set)
    } else {
        value
    }
}

/// The details section.
#[component]
pub fn Details() -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    let state = use_app();
    let fields = Memo::new(move |_| {
        context.claim.with(|claim| {
            claim
                .as_ref()
                .map(|claim| claim.fields.clone())
                .unwrap_or_default()
        })
    });
    // Whether the acting role may edit each group now, and why not: the rules decide.
    let access = Memo::new(move |_| {
        let now = state.now.get();
        let actor = context.actor.get();
        context.claim.with(|claim| {
            claim
                .as_ref()
                .map(|claim| {
                    lifecycle::field_access(claim, actor, now, &state.rules())
                        .into_iter()
                        .collect::<BTreeMap<_, _>>()
                })
                .unwrap_or_default()
        })
    });
    // Locks are what the status imposes (shown whoever acts); not being the partner is
    // said by the absence of the edit button.
    let locks = Memo::new(move |_| {
        let now = state.now.get();
        context.claim.with(|claim| {
            claim
                .as_ref()
                .map(|claim| {
                    EditableField::ALL
                        .into_iter()
                        .map(|group| {
                            (
                                group,
                                lifecycle::field_lock(claim, group, now, &state.rules()),
                            )
                        })
                        .collect::<BTreeMap<_, _>>()
                })
                .unwrap_or_default()
        })
    });
    let locked = move |group: EditableField| {
        locks.with(|locks| locks.get(&group).is_some_and(Option::is_some))
    };
    // The details form edits the field groups; PoE has its own section.
    let editable = Memo::new(move |_| {
        access.with(|access| {
            access
                .iter()
                .any(|(group, allowed)| *group != EditableField::Poe && allowed.is_ok())
        })
    });
    let editing = RwSignal::new(false);
    // What the user types, and the stored fields the form started from: saving sends
    // only the fields changed since, each with the value it replaces.
    let draft = RwSignal::new(ClaimFields::default());
    let base = RwSignal::new(ClaimFields::default());
    let conflict = RwSignal::new(None::<(FieldPatches, Vec<FieldConflict>)>);
    let error = RwSignal::new(None::<Failure>);
    let saved = RwSignal::new(false);
    Effect::new(move |_| {
        if !editable.get() {
            editing.set(false);
        }
    });
    // Another tab stored this claim while the form is open: the fields not changed here
    // show its values at once.
    Effect::new(move |_| {
        let stored = fields.get();
        if editing.get_untracked() {
            follow_stored(base, draft, &stored);
        }
    });
    let start = move |_| {
        base.set(fields.get_untracked());
        draft.set(fields.get_untracked());
        conflict.set(None);
        error.set(None);
        saved.set(false);
        editing.set(true);
    };
    let done = move || {
        editing.set(false);
        conflict.set(None);
        error.set(None);
        saved.set(true);
    };
    // Send `patches`; a field changed elsewhere meanwhile opens the choice.
    let attempt = move |patches: FieldPatches, settling: bool| {
        match context.perform(&state, Action::Patch(patches.clone())) {
            Ok(_) => done(),
            // Every conflict settled by keeping the other value: nothing left to save.
            Err(Failure::Change(ChangeError::Refused(Refusal::NoChange { .. }))) if settling => {
                done()
            }
            Err(Failure::Change(ChangeError::Refused(Refusal::PatchConflict { conflicts }))) => {
                conflict.set(Some((patches, conflicts.clone())));
                error.set(Some(Failure::Change(ChangeError::Refused(
                    Refusal::PatchConflict { conflicts },
                ))));
            }
            Err(failure) => error.set(Some(failure)),
        }
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let patches = patches_from(&base.get_untracked(), &draft.get_untracked());
        attempt(patches, false);
    };
    let settle = Callback::new(
        move |(patches, _choices): (FieldPatches, Vec<(FieldConflict, lifecycle::Resolution)>)| {
            attempt(patches, true)
        },
    );

    let read_only = move || {
        let fields = fields.get();
        let row = |label: String, value: String, group: EditableField| {
            view! {
                <div class="detail-row" data-locked=locked(group).then_some("true")>
                    <dt>{label} {locked(group).then(|| view! { <LockMark /> })}</dt>
                    <dd>{value}</dd>
                </div>
            }
        };
        let mut rows = Vec::new();
        for field in IDENTITY {
            rows.push(row(
                field_label(&i18n, &field),
                dash(&i18n, (field.get)(&fields).clone()),
                field.group,
            ));
        }
        rows.push(row(
            tr!(i18n, claim.details.solution_area),
            dash(
                &i18n,
                fields
                    .solution_area
                    .map(|a| rules::area_name(&i18n, a))
                    .unwrap_or_default(),
            ),
            EditableField::SolutionArea,
        ));
        let activities: Vec<Activity> = fields.activities.iter().copied().collect();
        rows.push(row(
            tr!(i18n, claim.details.activities),
            dash(&i18n, activities_text(&i18n, &activities)),
            EditableField::Activities,
        ));
        rows.push(row(
            tr!(i18n, claim.details.programs),
            dash(&i18n, program_list(&i18n, &fields.programs())),
            EditableField::Activities,
        ));
        rows.push(row(
            tr!(i18n, claim.details.products),
            dash(&i18n, products_text(&i18n, &fields.products)),
            EditableField::Products,
        ));
        for (section, contact) in [
            (
                tr!(i18n, claim.details.customer_contact),
                vec![
                    &fields.customer_contact.name,
                    &fields.customer_contact.title,
                    &fields.customer_contact.email,
                ],
            ),
            (
                tr!(i18n, claim.details.technical_contact),
                vec![
                    &fields.technical_contact.name,
                    &fields.technical_contact.title,
                    &fields.technical_contact.email,
                ],
            ),
            (
                tr!(i18n, claim.details.partner_contact),
                vec![&fields.partner_contact.name, &fields.partner_contact.email],
            ),
        ] {
            let text = contact
                .into_iter()
                .filter(|part| !part.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" · ");
            rows.push(row(section, dash(&i18n, text), EditableField::Contacts));
        }
        if fields.revenue_association_applies() {
            for field in REVENUE {
                rows.push(row(
                    field_label(&i18n, &field),
                    dash(&i18n, (field.get)(&fields).clone()),
                    field.group,
                ));
            }
        }
        view! { <dl class="details-list">{rows.collect_view()}</dl> }
    };

    let lock_notes = move || {
        let mut by_reason: BTreeMap<&'static str, (LockReason, Vec<EditableField>)> =
            BTreeMap::new();
        i18n.locale();
        locks.with(|locks| {
            for (group, refusal) in locks {
                if let Some(Refusal::FieldLocked { why, .. }) = refusal {
                    by_reason
                        .entry(why.code())
                        .or_insert((*why, Vec::new()))
                        .1
                        .push(*group);
                }
            }
        });
        by_reason
            .into_values()
            .map(|(why, groups)| {
                let fields = if groups.len() == EditableField::ALL.len() {
                    tr!(i18n, claim.details.all_details)
                } else {
                    let names: Vec<String> = groups.iter().map(|group| rules::field_name(&i18n, *group)).collect();
                    i18n.list(&names)
                };
                let reason = rules::lock_text(&i18n, why);
                view! {
                    <p class="lock-note"><LockMark /> " " {tr!(i18n, claim.details.locked_groups, fields, reason)}</p>
                }
            })
            .collect_view()
    };

    view! {
        <div class="details">
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    {read_only}
                    <div class="lock-notes">{lock_notes}</div>
                    <Show when=move || editable.get()>
                        <button type="button" class="secondary" on:click=start>{move || tr!(i18n, claim.details.edit)}</button>
                    </Show>
                    <p class="feedback" role="status">{move || saved.get().then(|| match state.persisted(context.id) {
                        Persisted::Stored => tr!(i18n, claim.details.saved),
                        Persisted::Saving => tr!(i18n, wizard.save_pending),
                        Persisted::NotSaved => tr!(i18n, store.claim_not_saved),
                    })}</p>
                }
            >
                <form class="details-form" on:submit=save novalidate=true>
                    <EditForm draft locks />
                    <p class="form-error" role="alert">{move || error.get().map(|failure| failure_text(&i18n, &failure, &time_zone()))}</p>
                    {move || conflict.get().map(|(patches, conflicts)| view! {
                        <ConflictChoice patches conflicts on_settle=settle id_prefix="details-conflict" />
                    })}
                    <div class="form-buttons">
                        <button type="submit" class="primary">{move || tr!(i18n, claim.details.save)}</button>
                        <button type="button" class="secondary" on:click=move |_| editing.set(false)>{move || tr!(i18n, common.cancel)}</button>
                    </div>
                </form>
            </Show>
        </div>
    }
}

/// A lock icon with the word, so a locked field is not told by an icon alone.
#[component]
fn LockMark() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="lock-mark">
            <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">
                <path fill="currentColor" fill-rule="evenodd" d="M4 7V5a4 4 0 118 0v2h1v8H3V7zm2 0h4V5a2 2 0 10-4 0z" />
            </svg>
            <span class="visually-hidden">{move || tr!(i18n, claim.details.locked)}</span>
        </span>
    }
}

/// The editing form: unlocked groups as inputs, locked ones as text with their lock.
#[component]
fn EditForm(
    draft: RwSignal<ClaimFields>,
    locks: Memo<BTreeMap<EditableField, Option<Refusal>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let problems = Memo::new(move |_| draft.with(field_problems));
    let lock_of =
        move |group: EditableField| locks.with(|locks| locks.get(&group).cloned().flatten());
    let text_input = move |field: TextField| {
        let lock = lock_of(field.group);
        let path = field.path;
        let messages = Signal::derive(move || {
            problems.with(|problems| {
                problems_for(problems, path)
                    .map(|problem| rules::problem(&i18n, problem))
                    .collect::<Vec<_>>()
            })
        });
        view! {
            <TextInput
                id=format!("edit-{}", path.replace('.', "-"))
                label=Signal::derive(move || field_label(&i18n, &field))
                value=Signal::derive(move || draft.with(|fields| (field.get)(fields).clone()))
                on_input=move |text: String| draft.update(|fields| *(field.set)(fields) = text)
                on_commit=|()| {}
                messages
                input_type=field.input_type
                readonly=lock.is_some()
            >
                {lock.map(|refusal| view! { <p class="lock-note"><LockMark /> " " {move || rules::refusal(&i18n, &refusal, &time_zone())}</p> })}
            </TextInput>
        }
    };
    let area_lock = lock_of(EditableField::SolutionArea);
    let activities_lock = lock_of(EditableField::Activities);
    let products_lock = lock_of(EditableField::Products);
    let area_problem = move || problem_text_for(&i18n, &problems.get(), "fields.solution_area");
    let activities_problem = move || problem_text_for(&i18n, &problems.get(), "fields.activities");
    let products_problem = move || problem_text_for(&i18n, &problems.get(), "fields.products");
    view! {
        {IDENTITY.into_iter().map(text_input).collect_view()}
        <div class="field">
            <label for="edit-area">{move || tr!(i18n, claim.details.solution_area)}</label>
            <select id="edit-area" disabled=area_lock.is_some() on:change=move |event| {
                let value = event_target_value(&event);
                draft.update(|fields| fields.solution_area = SolutionArea::ALL.into_iter().find(|area| format!("{area:?}") == value));
            }>
                <option value="" selected=move || draft.with(|f| f.solution_area.is_none())>{move || tr!(i18n, claim.details.choose_area)}</option>
                {SolutionArea::ALL.into_iter().map(|area| view! {
                    <option value=format!("{area:?}") selected=move || draft.with(|f| f.solution_area == Some(area))>{move || rules::area_name(&i18n, area)}</option>
                }).collect_view()}
            </select>
            <p class="field-error">{area_problem}{area_lock.clone().map(|refusal| view! { <span class="lock-note"><LockMark /> " " {move || rules::refusal(&i18n, &refusal, &time_zone())}</span> })}</p>
        </div>
        <fieldset class="checks" disabled=activities_lock.is_some()>
            <legend>{move || tr!(i18n, claim.details.activities)}</legend>
            {Activity::ALL.into_iter().map(|activity| view! {
                <label class="check">
                    <input type="checkbox" prop:checked=move || draft.with(|f| f.activities.contains(&activity)) on:change=move |event| {
                        let checked = event_target_checked(&event);
                        draft.update(|f| { if checked { f.activities.insert(activity); } else { f.activities.remove(&activity); } });
                    } />
                    <span>{move || activity_name(&i18n, activity)}</span>
                </label>
            }).collect_view()}
            <p class="field-error">{activities_problem}{activities_lock.clone().map(|refusal| view! { <span class="lock-note"><LockMark /> " " {move || rules::refusal(&i18n, &refusal, &time_zone())}</span> })}</p>
        </fieldset>
        <fieldset class="checks products" disabled=products_lock.is_some()>
            <legend>{move || tr!(i18n, claim.details.products)}</legend>
            {move || {
                let area = draft.with(|f| f.solution_area);
                area.map(|area| Product::of_area(area).map(|product| view! { <ProductChoice product draft /> }).collect_view())
            }}
            <p class="field-error">{products_problem}{products_lock.clone().map(|refusal| view! { <span class="lock-note"><LockMark /> " " {move || rules::refusal(&i18n, &refusal, &time_zone())}</span> })}</p>
        </fieldset>
        {CONTACTS.into_iter().map(text_input).collect_view()}
        {move || draft.with(ClaimFields::revenue_association_applies).then(|| REVENUE.into_iter().map(text_input).collect_view())}
    }
}

/// The problems of the field at `path`, worded, one after the other.
fn problem_text_for(i18n: &I18n, problems: &[Problem], path: &str) -> String {
    rules::sentences(
        i18n,
        problems_for(problems, path).map(|problem| rules::problem(i18n, problem)),
    )
}

/// One product of the catalog: claimed or not, and its subscription detail.
#[component]
fn ProductChoice(product: Product, draft: RwSignal<ClaimFields>) -> impl IntoView {
    let i18n = use_i18n();
    let position = move || draft.with(|f| f.products.iter().position(|p| p.product == product));
    let claimed = move || position().is_some();
    let several = move || {
        draft.with(|f| {
            f.products
                .iter()
                .any(|p| p.product == product && p.several_subscriptions)
        })
    };
    let update = move |change: &dyn Fn(&mut ClaimedProduct)| {
        draft.update(|f| {
            if let Some(claimed) = f.products.iter_mut().find(|p| p.product == product) {
                change(claimed);
            }
        })
    };
    view! {
        <div class="product-choice">
            <label class="check">
                <input type="checkbox" prop:checked=claimed on:change=move |event| {
                    let checked = event_target_checked(&event);
                    draft.update(|f| {
                        if checked && !f.products.iter().any(|p| p.product == product) {
                            f.products.push(ClaimedProduct::new(product));
                        } else if !checked {
                            f.products.retain(|p| p.product != product);
                        }
                    });
                } />
                <span>{product.display_name()}</span>
            </label>
            <Show when=move || claimed() && subscription_applies(product)>
                <label class="check sub">
                    <input type="checkbox" prop:checked=several on:change=move |event| {
                        let checked = event_target_checked(&event);
                        update(&|p| p.several_subscriptions = checked);
                    } />
                    <span>{move || tr!(i18n, claim.details.several_subscriptions)}</span>
                </label>
                <Show when=several>
                    <div class="field sub">
                        <label for=format!("edit-sub-{product:?}")>{move || tr!(i18n, claim.details.subscription_id)}</label>
                        <input id=format!("edit-sub-{product:?}") type="text"
                            prop:value=move || draft.with(|f| f.products.iter().find(|p| p.product == product).map(|p| p.subscription_id.clone()).unwrap_or_default())
                            on:input=move |event| { let value = event_target_value(&event); update(&|p| p.subscription_id = value.clone()); } />
                    </div>
                </Show>
            </Show>
        </div>
    }
}
