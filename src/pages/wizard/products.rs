//! Step 3: the products of the chosen area; for a Business Applications product, whether
//! the customer has several subscriptions of it, and then which one is claimed.

use claim_rules::catalog::Product;
use claim_rules::model::{ClaimFields, ClaimedProduct, SolutionArea};
use leptos::prelude::*;

use super::stepper::go_to;
use super::steps::{product_id, several_id, subscription_id, Step};
use super::use_draft;
use crate::components::field::{Choice, FieldMessages, TextField};
use crate::i18n::rules::area_name;
use crate::i18n::{tr, use_i18n};

/// The control key under which the product list's own messages are shown.
const PRODUCTS_KEY: &str = "wiz-products";

/// The product checkboxes of the chosen area.
#[component]
pub fn ProductsStep() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    // A memo, so that typing a subscription ID does not rebuild the list (and lose focus).
    let area = Memo::new(move |_| draft.fields.with(|f| f.solution_area));
    view! {
        <p class="step-intro">{move || tr!(i18n, wizard.products_intro)}</p>
        {move || match area.get() {
            None => {
                view! {
                    <div class="notice">
                        <p>{move || tr!(i18n, wizard.choose_area_for_products)}</p>
                        <button type="button" class="button secondary" on:click=move |_| go_to(draft, Step::Activity, None)>
                            {move || tr!(i18n, wizard.go_to_area)}
                        </button>
                    </div>
                }
                    .into_any()
            }
            Some(area) => view! { <ProductList area /> }.into_any(),
        }}
    }
}

/// The area's catalog as checkboxes, plus any chosen product of another area (so it can
/// be removed; the rules' message says why it does not belong).
#[component]
fn ProductList(area: SolutionArea) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    // The list shows problems about the list itself and about a product's area or
    // duplication; subscription ID problems are shown beside their inputs.
    let messages = draft.messages_where(PRODUCTS_KEY, |problem| {
        problem.field == "fields.products"
            || (problem.is_within("fields.products") && problem.field.ends_with(".product"))
    });
    let shown = Memo::new(move |_| {
        let mut products: Vec<Product> = Product::of_area(area).collect();
        let others = draft.fields.with(|f| {
            f.products
                .iter()
                .map(|claimed| claimed.product)
                .filter(|p| p.area() != area)
                .collect::<Vec<_>>()
        });
        products.extend(others);
        products
    });
    let hint = move || match area {
        SolutionArea::Microsoft365 => tr!(i18n, wizard.products_hint_microsoft_365),
        SolutionArea::BusinessApplications => tr!(i18n, wizard.products_hint_business_applications),
    };
    view! {
        <fieldset class="group" aria-describedby="wiz-products-messages">
            <legend>{move || area_name(&i18n, area)}</legend>
            <p class="field-hint">{hint}</p>
            <FieldMessages id="wiz-products-messages" messages />
            <ul class="product-list">
                {move || shown.get().into_iter().map(|product| view! { <ProductItem product area /> }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// One product: its checkbox and, when claimed under Business Applications, its
/// subscription details.
#[component]
fn ProductItem(product: Product, area: SolutionArea) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let claimed = move || {
        draft
            .fields
            .with(|f| f.products.iter().find(|c| c.product == product).cloned())
    };
    let is_claimed = Signal::derive(move || claimed().is_some());
    let toggle = move |on: bool| {
        draft.choose(PRODUCTS_KEY, |f| {
            if on {
                if !f.products.iter().any(|c| c.product == product) {
                    f.products.push(ClaimedProduct::new(product));
                }
            } else {
                f.products.retain(|c| c.product != product);
            }
        })
    };
    // Asked of the rules with the area this list shows (the working copy's).
    let needs_subscription = ClaimFields {
        solution_area: Some(area),
        ..ClaimFields::default()
    }
    .subscription_applies(product);
    view! {
        <li class="product" class:claimed=is_claimed>
            <Choice id=product_id(product) label=product.display_name() checked=is_claimed on_toggle=toggle>
                // Said once it matters, not on every Dynamics 365 product of the list.
                <Show when=move || product.is_dynamics_365() && is_claimed.get()>
                    <p class="tag">{move || tr!(i18n, wizard.needs_technical_contact)}</p>
                </Show>
            </Choice>
            <Show when=move || needs_subscription && is_claimed.get()>
                <Subscription product />
            </Show>
        </li>
    }
}

/// "The customer has several subscriptions of this product" and, when ticked (or when an
/// ID was entered before), the subscription ID.
#[component]
fn Subscription(product: Product) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let several = Signal::derive(move || {
        draft.fields.with(|f| {
            f.products
                .iter()
                .any(|c| c.product == product && c.several_subscriptions)
        })
    });
    // An ID typed before stays visible even with "several" unticked, so nothing is hidden;
    // decided once, so clearing it while typing does not make the field vanish.
    let had_id = draft.fields.with_untracked(|f| {
        f.products
            .iter()
            .any(|c| c.product == product && !c.subscription_id.trim().is_empty())
    });
    let input_id = subscription_id(product);
    let path = move || {
        let index = draft
            .fields
            .with(|f| f.products.iter().position(|c| c.product == product));
        index
            .map(|index| format!("fields.products[{index}].subscription_id"))
            .unwrap_or_else(|| "fields.products[?]".to_string())
    };
    let messages = draft.messages(&input_id, path);
    let update = move |f: &mut claim_rules::model::ClaimFields,
                       change: &dyn Fn(&mut ClaimedProduct)| {
        if let Some(claimed) = f.products.iter_mut().find(|c| c.product == product) {
            change(claimed);
        }
    };
    let several_key = several_id(product);
    let leave_id = input_id.clone();
    view! {
        <div class="product-extra">
            <Choice
                id=several_key.clone()
                label=move || tr!(i18n, wizard.several_subscriptions)
                checked=several
                on_toggle=move |on: bool| draft.choose(&several_key, |f| update(f, &|c| c.several_subscriptions = on))
            />
            <Show when=move || several.get() || had_id>
                <TextField
                    id=input_id.clone()
                    label=move || tr!(i18n, wizard.subscription_id)
                    hint=Some(Signal::derive(move || tr!(i18n, wizard.subscription_id_hint)))
                    value=Signal::derive(move || draft.fields.with(|f| f.products.iter().find(|c| c.product == product).map(|c| c.subscription_id.clone()).unwrap_or_default()))
                    on_input=move |text: String| draft.type_text(|f| update(f, &|c| c.subscription_id = text.clone()))
                    on_commit={
                        let leave_id = leave_id.clone();
                        move |()| draft.leave(&leave_id)
                    }
                    messages
                    monospace=true
                    size=38
                />
            </Show>
        </div>
    }
}
