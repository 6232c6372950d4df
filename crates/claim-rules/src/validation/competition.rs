//! Competing claims: two local claims on the same tenant and the same workload
//! (OSU-Microsoft 365) or subscription (OSA Sell, OSU-Business Applications), not both
//! rejected (SPEC §2). Such claims go through arbitration; the app warns about them.
//!
//! Decisions:
//!
//! * Tenants are compared trimmed and lower-cased; claims without a tenant ID are left out.
//! * A product's area decides what is contested: a Microsoft 365 product is a workload,
//!   a Business Applications product a subscription. Two Business Applications claims
//!   contest a product when their subscription IDs are equal, or when either has none
//!   (nothing tells the subscriptions apart).
//! * Archived claims still count (archiving only hides); a pair where both are
//!   `Rejected` does not.
//! * Claims linked to each other, directly or through others (a claim restarted from a
//!   rejected one, an import conflict copy and its original), are one claim's versions,
//!   not competitors.
//! * Work is grouped by tenant and product first, so a set of 10,000 claims on distinct
//!   tenants is linear; only claims that really share a tenant and product are paired.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use uuid::Uuid;

use crate::catalog::Product;
use crate::model::{Claim, SolutionArea, Status};

/// What two claims both claim.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Contested {
    /// A Microsoft 365 workload (OSU-Microsoft 365).
    Workload {
        /// The workload.
        product: Product,
    },
    /// A Business Applications subscription (OSA Sell, OSU-Business Applications).
    Subscription {
        /// The product.
        product: Product,
        /// The shared subscription ID (lower-case), or `None` when at least one claim
        /// gives none, so nothing tells the subscriptions apart.
        subscription_id: Option<String>,
    },
}

impl Contested {
    /// The product contested.
    pub fn product(&self) -> Product {
        match self {
            Contested::Workload { product } | Contested::Subscription { product, .. } => *product,
        }
    }

    /// A stable machine code (snake case): the catalogue key `contested.<code>` names
    /// it (`subscription_unidentified` when no subscription ID tells them apart).
    ///
    /// ```
    /// use claim_rules::catalog::Product;
    /// use claim_rules::validation::Contested;
    ///
    /// let contested = Contested::Subscription { product: Product::PowerApps, subscription_id: None };
    /// assert_eq!(contested.code(), "subscription_unidentified");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Contested::Workload { .. } => "workload",
            Contested::Subscription {
                subscription_id: Some(_),
                ..
            } => "subscription",
            Contested::Subscription {
                subscription_id: None,
                ..
            } => "subscription_unidentified",
        }
    }
}

/// What kind of competition two claims are in: the catalogue key `competition.<code>`
/// words the warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum CompetitionKind {
    /// Only Microsoft 365 workloads are contested.
    Workload,
    /// Only Business Applications subscriptions are contested.
    Subscription,
    /// Both.
    WorkloadAndSubscription,
}

impl CompetitionKind {
    /// A stable machine code (snake case).
    pub fn code(self) -> &'static str {
        match self {
            CompetitionKind::Workload => "workload",
            CompetitionKind::Subscription => "subscription",
            CompetitionKind::WorkloadAndSubscription => "workload_and_subscription",
        }
    }
}

/// A warning that two local claims compete for the same workloads or subscriptions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Competition {
    /// The two claims, in the order they were given.
    pub claims: [Uuid; 2],
    /// The shared tenant ID (lower-case).
    pub tenant_id: String,
    /// Everything both claims claim on that tenant, sorted.
    pub contested: Vec<Contested>,
    /// What kind of competition (derived from `contested`).
    pub kind: CompetitionKind,
}

impl Competition {
    /// Whether `claim` is one of the two.
    pub fn involves(&self, claim: Uuid) -> bool {
        self.claims.contains(&claim)
    }

    /// The other claim of the pair, when `claim` is one of them.
    pub fn other(&self, claim: Uuid) -> Option<Uuid> {
        match self.claims {
            [a, b] if a == claim => Some(b),
            [a, b] if b == claim => Some(a),
            _ => None,
        }
    }
}

/// Families of linked claims: a claim, the claims restarted from it and the import
/// conflict copies of any of them, transitively (union-find over claim indices). Shared
/// by the pairwise warnings and the grouped report (`groups`).
pub(super) struct Families {
    parent: Vec<usize>,
}

impl Families {
    pub(super) fn new(claims: &[Claim]) -> Self {
        let mut families = Families {
            parent: (0..claims.len()).collect(),
        };
        let index_of: HashMap<Uuid, usize> = claims
            .iter()
            .enumerate()
            .map(|(index, claim)| (claim.id, index))
            .collect();
        for (index, claim) in claims.iter().enumerate() {
            let links = &claim.links;
            let related = links
                .started_from
                .iter()
                .chain(links.conflict_copy_of.iter())
                .chain(links.restarted_as.iter());
            for other in related {
                if let Some(&other) = index_of.get(other) {
                    families.join(index, other);
                }
            }
        }
        families
    }

    pub(super) fn root(&mut self, mut index: usize) -> usize {
        while self.parent[index] != index {
            self.parent[index] = self.parent[self.parent[index]];
            index = self.parent[index];
        }
        index
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent[b] = a;
        }
    }

    fn related(&mut self, a: usize, b: usize) -> bool {
        self.root(a) == self.root(b)
    }
}

/// Every pair of claims that compete, each pair once with everything it shares, in the
/// order of the claims given.
///
/// ```
/// use claim_rules::validation::competing_claims;
///
/// assert!(competing_claims(&[]).is_empty());
/// ```
pub fn competing_claims(claims: &[Claim]) -> Vec<Competition> {
    // (tenant, product) → [(claim index, subscription ID)]
    let mut by_tenant_product: HashMap<(String, Product), Vec<(usize, String)>> = HashMap::new();
    for (index, claim) in claims.iter().enumerate() {
        let tenant = claim.fields.tenant_id.trim().to_ascii_lowercase();
        if tenant.is_empty() {
            continue;
        }
        for claimed in &claim.fields.products {
            let subscription = claimed.subscription_id.trim().to_ascii_lowercase();
            let entries = by_tenant_product
                .entry((tenant.clone(), claimed.product))
                .or_default();
            // A product listed twice in one claim is one entry.
            if entries.last().map(|(last, _)| *last) != Some(index) {
                entries.push((index, subscription));
            }
        }
    }

    let mut families = Families::new(claims);
    let mut pairs: BTreeMap<(usize, usize), (String, Vec<Contested>)> = BTreeMap::new();
    for ((tenant, product), entries) in &by_tenant_product {
        if entries.len() < 2 {
            continue;
        }
        for (position, (first, first_subscription)) in entries.iter().enumerate() {
            for (second, second_subscription) in &entries[position + 1..] {
                let (a, b) = (&claims[*first], &claims[*second]);
                if (a.status == Status::Rejected && b.status == Status::Rejected)
                    || families.related(*first, *second)
                {
                    continue;
                }
                let contested = match product.area() {
                    SolutionArea::Microsoft365 => Contested::Workload { product: *product },
                    SolutionArea::BusinessApplications => {
                        if first_subscription.is_empty() || second_subscription.is_empty() {
                            Contested::Subscription {
                                product: *product,
                                subscription_id: None,
                            }
                        } else if first_subscription == second_subscription {
                            Contested::Subscription {
                                product: *product,
                                subscription_id: Some(first_subscription.clone()),
                            }
                        } else {
                            continue;
                        }
                    }
                };
                pairs
                    .entry((*first, *second))
                    .or_insert_with(|| (tenant.clone(), Vec::new()))
                    .1
                    .push(contested);
            }
        }
    }

    pairs
        .into_iter()
        .map(|((first, second), (tenant_id, mut contested))| {
            contested.sort();
            competition(&claims[first], &claims[second], tenant_id, contested)
        })
        .collect()
}

fn competition(a: &Claim, b: &Claim, tenant_id: String, contested: Vec<Contested>) -> Competition {
    let workloads = contested
        .iter()
        .any(|item| matches!(item, Contested::Workload { .. }));
    let subscriptions = contested
        .iter()
        .any(|item| matches!(item, Contested::Subscription { .. }));
    let kind = match (workloads, subscriptions) {
        (true, true) => CompetitionKind::WorkloadAndSubscription,
        (true, false) => CompetitionKind::Workload,
        (false, _) => CompetitionKind::Subscription,
    };
    Competition {
        claims: [a.id, b.id],
        tenant_id,
        contested,
        kind,
    }
}
