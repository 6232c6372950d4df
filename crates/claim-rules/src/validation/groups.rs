//! Competing claims grouped: one group per tenant and contested workload or
//! subscription, listing every claim that competes there, instead of every pair.
//!
//! 1,000 claims on one tenant and product are one group of 1,000, found in linear time;
//! as pairs they are 499,500 warnings. The rule of who competes is
//! [`competing_claims`](super::competing_claims)'s: same tenant (trimmed, lower-cased),
//! same workload, or same subscription of a Business Applications product (or one side
//! without a subscription ID), not both rejected, and not versions of one claim (linked
//! by a restart or an import copy).
//!
//! A claim belongs to a group when it competes with at least one other member. For a
//! Business Applications product, claims with the same subscription ID form one group,
//! and claims without one form a group with every claim of that product (nothing tells
//! their subscriptions apart).

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use uuid::Uuid;

use super::competition::Families;
use super::Contested;
use crate::catalog::Product;
use crate::model::{Claim, SolutionArea, Status};

/// Claims that compete for one workload or subscription of one tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompetitionGroup {
    /// The tenant ID (trimmed, lower-case).
    pub tenant_id: String,
    /// What they compete for.
    pub contested: Contested,
    /// The competing claims, in the order they were given (at least two).
    pub claims: Vec<Uuid>,
}

/// Every group of competing claims, ordered by tenant, then by what is contested.
///
/// ```
/// use claim_rules::catalog::Product;
/// use claim_rules::lifecycle::new_claim;
/// use claim_rules::model::{ClaimFields, ClaimedProduct, SolutionArea};
/// use claim_rules::validation::{competition_groups, Contested};
///
/// let at: jiff::Timestamp = "2026-01-05T09:00:00Z".parse()?;
/// let fields = ClaimFields {
///     tenant_id: "72f988bf-86f1-41af-91ab-2d7cd011db47".into(),
///     solution_area: Some(SolutionArea::Microsoft365),
///     products: vec![ClaimedProduct::new(Product::ExchangeOnline)],
///     ..ClaimFields::default()
/// };
/// let claims: Vec<_> = (0..3u128)
///     .map(|n| new_claim(uuid::Uuid::from_u128(n), at, fields.clone()))
///     .collect();
/// let groups = competition_groups(&claims);
/// assert_eq!(groups.len(), 1);
/// assert_eq!(groups[0].contested, Contested::Workload { product: Product::ExchangeOnline });
/// assert_eq!(groups[0].claims.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn competition_groups(claims: &[Claim]) -> Vec<CompetitionGroup> {
    // (tenant, product) → [(claim index, subscription ID)], each claim once per product.
    let mut buckets: BTreeMap<(String, Product), Vec<(usize, String)>> = BTreeMap::new();
    for (index, claim) in claims.iter().enumerate() {
        let tenant = claim.fields.tenant_id.trim().to_ascii_lowercase();
        if tenant.is_empty() {
            continue;
        }
        for claimed in &claim.fields.products {
            let entries = buckets
                .entry((tenant.clone(), claimed.product))
                .or_default();
            if entries.last().map(|(last, _)| *last) != Some(index) {
                entries.push((index, claimed.subscription_id.trim().to_ascii_lowercase()));
            }
        }
    }
    let mut families = Families::new(claims);
    let mut groups = Vec::new();
    for ((tenant, product), entries) in buckets {
        if entries.len() < 2 {
            continue;
        }
        let candidates: Vec<(Contested, Vec<Member>)> = match product.area() {
            SolutionArea::Microsoft365 => vec![(
                Contested::Workload { product },
                entries
                    .iter()
                    .map(|(index, _)| Member::open(*index))
                    .collect(),
            )],
            SolutionArea::BusinessApplications => subscription_groups(product, &entries),
        };
        for (contested, members) in candidates {
            let competing = competing_members(claims, &members, &mut families);
            if competing.len() >= 2 {
                groups.push(CompetitionGroup {
                    tenant_id: tenant.clone(),
                    contested,
                    claims: competing
                        .iter()
                        .map(|member| claims[member.index].id)
                        .collect(),
                });
            }
        }
    }
    groups
}

/// A candidate member of a group: a claim, and whether it competes with every other
/// member (`open`) or only with the open ones (a claim with a subscription ID, in the
/// group of claims whose subscriptions nothing tells apart).
#[derive(Debug, Clone, Copy)]
struct Member {
    index: usize,
    open: bool,
}

impl Member {
    fn open(index: usize) -> Member {
        Member { index, open: true }
    }
}

/// The candidate groups of one Business Applications product: one per subscription ID
/// shared, and one of everything when some claim gives none.
fn subscription_groups(
    product: Product,
    entries: &[(usize, String)],
) -> Vec<(Contested, Vec<Member>)> {
    let mut by_subscription: BTreeMap<&str, Vec<Member>> = BTreeMap::new();
    let mut any_unknown = false;
    for (index, subscription) in entries {
        if subscription.is_empty() {
            any_unknown = true;
        } else {
            by_subscription
                .entry(subscription)
                .or_default()
                .push(Member::open(*index));
        }
    }
    let mut groups: Vec<(Contested, Vec<Member>)> = by_subscription
        .into_iter()
        .filter(|(_, members)| members.len() >= 2)
        .map(|(subscription, members)| {
            (
                Contested::Subscription {
                    product,
                    subscription_id: Some(subscription.to_string()),
                },
                members,
            )
        })
        .collect();
    if any_unknown {
        groups.push((
            Contested::Subscription {
                product,
                subscription_id: None,
            },
            entries
                .iter()
                .map(|(index, subscription)| Member {
                    index: *index,
                    open: subscription.is_empty(),
                })
                .collect(),
        ));
    }
    groups
}

/// The members that compete with at least one other member: one of another family,
/// the two not both rejected, at least one of them open. Linear in the members.
fn competing_members(claims: &[Claim], members: &[Member], families: &mut Families) -> Vec<Member> {
    let rejected = |member: &Member| claims[member.index].status == Status::Rejected;
    let family_of: Vec<usize> = members
        .iter()
        .map(|member| families.root(member.index))
        .collect();
    // Families among all members and among the live (not rejected) ones, for open
    // members; the same among open members only, for the others.
    let mut all = HashSet::new();
    let mut live = HashSet::new();
    let mut open_all = HashSet::new();
    let mut open_live = HashSet::new();
    for (member, &family) in members.iter().zip(&family_of) {
        all.insert(family);
        if !rejected(member) {
            live.insert(family);
        }
        if member.open {
            open_all.insert(family);
            if !rejected(member) {
                open_live.insert(family);
            }
        }
    }
    let another = |families: &HashSet<usize>, family: usize| {
        families.len() > usize::from(families.contains(&family))
    };
    members
        .iter()
        .zip(&family_of)
        .filter(|(member, &family)| {
            let partners = match (member.open, rejected(member)) {
                (true, false) => &all,
                (true, true) => &live,
                (false, false) => &open_all,
                (false, true) => &open_live,
            };
            another(partners, family)
        })
        .map(|(member, _)| *member)
        .collect()
}
