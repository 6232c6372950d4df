// Claims for end-to-end tests, in the stored shape of claim_rules::model::Claim.

const emptyFields = {
  name: '', partner_id: '', customer_domain: '', tenant_id: '', solution_area: null, activities: [], products: [],
  customer_contact: { name: '', title: '', email: '' }, technical_contact: { name: '', title: '', email: '' },
  partner_contact: { name: '', email: '' },
  revenue_association: { solution_seller_name: '', customer_name: '', isv_solution_name: '' },
};

/** A history entry in its stored shape. */
export function entry(at, actor, action, from, to, extra = {}) {
  return { at, recorded_at: at, actor, action, from, to, changes: [], comment: '', detail: null, ...extra };
}

/** A draft claim created at `at`. */
export function draft(id, name, fields = {}, at = '2026-11-02T09:00:00Z') {
  const products = (fields.products ?? []).map((p) => ({ several_subscriptions: false, subscription_id: '', ...p }));
  return {
    id, revision: 1, created_at: at, updated_at: at, status: 'Draft', archived: false,
    fields: { ...emptyFields, name, ...fields, products },
    poe: [],
    poe_checklist: { about_this_claim: false, customer_acknowledgment: false, dates_recent: false, solution_described: false, products_named: false },
    comments: [],
    links: { started_from: null, restarted_as: [], conflict_copy_of: null },
    history: [entry(at, 'Partner', 'Create', null, 'Draft')],
  };
}

/** A claim submitted at `submittedAt` (history: Create, Submit). */
export function submitted(id, name, fields = {}, createdAt = '2026-11-02T09:00:00Z', submittedAt = '2026-11-03T17:00:00Z') {
  const claim = draft(id, name, fields, createdAt);
  claim.status = 'Submitted';
  claim.revision = 2;
  claim.updated_at = submittedAt;
  claim.history.push(entry(submittedAt, 'Partner', 'Submit', 'Draft', 'Submitted'));
  return claim;
}

/**
 * Put claims where the previous version kept them (the work namespace of local storage):
 * the app moves them into its database when it next starts.
 */
export async function storeClaims(page, claims) {
  await page.evaluate((claims) => {
    for (const claim of claims) localStorage.setItem(`cpor-desk/v1/claim/${claim.id}`, JSON.stringify(claim));
  }, claims);
}

/** Read one object store of the work database: `[key, value]` pairs in key order. */
export async function storedEntries(page, store) {
  return page.evaluate((store) => new Promise((resolve, reject) => {
    const open = indexedDB.open('cpor-desk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(store)) { db.close(); resolve([]); return; }
      const tx = db.transaction(store, 'readonly');
      const keys = tx.objectStore(store).getAllKeys();
      const values = tx.objectStore(store).getAll();
      tx.oncomplete = () => { db.close(); resolve(keys.result.map((key, i) => [key, values.result[i]])); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    };
  }), store);
}

/** Every claim in the app's database, parsed, sorted by id. */
export async function storedClaims(page) {
  return (await storedEntries(page, 'claims')).map(([, text]) => JSON.parse(text));
}

/** Every kept-aside record in the app's database, parsed. */
export async function keptAside(page) {
  return (await storedEntries(page, 'kept_aside')).map(([, text]) => JSON.parse(text));
}

/** The claim entries the previous version's local storage still holds. */
export async function localClaimKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('cpor-desk/v1/claim/')).sort());
}

/**
 * A claim as the app would have made it: created, a PoE document added, submitted at
 * `submittedAt`, with every field a submission needs (imports replay the history, so
 * a claim to be exported and imported must be one the rules could have produced).
 */
export function submittable(id, name, fields = {}, createdAt = '2026-11-02T09:00:00Z', submittedAt = '2026-11-03T17:00:00Z') {
  const claim = draft(id, name, {
    customer_contact: { name: 'Ana López', title: 'IT Director', email: 'ana.lopez@contoso.com' },
    partner_contact: { name: 'Jonas Berg', email: 'jonas@fabrikam.se' },
    ...fields,
  }, createdAt);
  // The PoE is added five minutes after the claim is created.
  const addedAt = new Date(Date.parse(createdAt) + 5 * 60_000).toISOString().replace('.000Z', 'Z');
  const document = {
    id: '6c1b7c40-1d4e-4b7a-9f55-0000000003e9', file_name: 'signed-sow.pdf', media_type: 'application/pdf',
    size: 48213, sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    added_at: addedAt, added_by: 'Partner', note: '',
  };
  claim.poe = [document];
  claim.history.push(entry(addedAt, 'Partner', 'AddPoe', 'Draft', 'Draft', { changes: [{ field: 'poe[0]', old: null, new: document }] }));
  claim.history.push(entry(submittedAt, 'Partner', 'Submit', 'Draft', 'Submitted'));
  claim.status = 'Submitted';
  claim.revision = claim.history.length;
  claim.updated_at = submittedAt;
  return claim;
}

/** Empty the site's storage: local storage and the work database. */
export async function clearStorage(page) {
  await page.evaluate(() => new Promise((resolve, reject) => {
    localStorage.clear();
    const request = indexedDB.deleteDatabase('cpor-desk');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  }));
}
