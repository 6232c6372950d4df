//! Every English text of `cpor scenario`, by catalogue key.
//!
//! These are the texts of the `scenario` section of `locales/en.json`, word for word (the
//! test below compares the two). They live here only until the CLI has its catalogue
//! renderer; then the renderer reads `locales/en.json` and this file goes.

/// The English text of a key of the catalogue's `scenario` section; `None` for a key it
/// does not have.
pub fn english(key: &str) -> Option<&'static str> {
    TEXTS
        .iter()
        .find(|(known, _)| *known == key)
        .map(|(_, text)| *text)
}

/// Every key with its English text, in catalogue order.
const TEXTS: &[(&str, &str)] = &[
    (
        "scenario.title.smooth_path",
        "The smooth path to an official association",
    ),
    (
        "scenario.title.information_answered",
        "An information request answered in time",
    ),
    (
        "scenario.title.information_missed",
        "A missed information request, disputed and overturned",
    ),
    (
        "scenario.title.customer_declines",
        "The customer declines",
    ),
    (
        "scenario.title.wrong_mpn",
        "Wrong Partner ID: reject and start again",
    ),
    (
        "scenario.title.competing_claims",
        "Two partners claim the same workload",
    ),
    (
        "scenario.title.christmas_deadline",
        "A request just before Christmas",
    ),
    (
        "scenario.title.dispute_window_closes",
        "A dispute window that closes",
    ),
    (
        "scenario.description.smooth_path",
        "A complete claim is submitted, reviewed and approved. The customer does not object, and when the consent period ends the association becomes official.",
    ),
    (
        "scenario.description.information_answered",
        "The reviewer asks for the customer's signature on the proof of execution. The partner adds it and responds before the deadline, and the claim is approved.",
    ),
    (
        "scenario.description.information_missed",
        "Nobody answers the reviewer's request, so the claim is rejected automatically at the deadline. The partner disputes with dated evidence, the rejection is overturned, and a new consent period starts.",
    ),
    (
        "scenario.description.customer_declines",
        "The claim is approved, but during the consent period the customer declines the association and the claim is rejected.",
    ),
    (
        "scenario.description.wrong_mpn",
        "Under review, the partner notices that the claim names the wrong Partner ID (MPN). Nothing can be changed during review, so the partner requests rejection and starts a new claim from the rejected one, with the right Partner ID.",
    ),
    (
        "scenario.description.competing_claims",
        "Two partners claim Microsoft Teams on the same customer tenant. A workload belongs to one partner only, so the claims go to arbitration: the review runs late, one claim is approved and the other rejected.",
    ),
    (
        "scenario.description.christmas_deadline",
        "The reviewer asks for more information on 23 December. Christmas Day is a holiday and weekends don't count, so the partner has until the last day of the year.",
    ),
    (
        "scenario.description.dispute_window_closes",
        "A reviewer rejects the claim because the proof of execution does not name every product. The partner lets the dispute window close; after that, the way forward is a new claim.",
    ),
    (
        "scenario.claim.ours",
        "Our claim",
    ),
    (
        "scenario.claim.competitor",
        "The other partner's claim",
    ),
    (
        "scenario.claim.restarted",
        "The new claim",
    ),
    (
        "scenario.remark.signature_missing",
        "The proof of execution must carry the customer's signature or acknowledgment.",
    ),
    (
        "scenario.remark.signature_added",
        "The customer's signed acknowledgment is attached.",
    ),
    (
        "scenario.remark.dates_missing",
        "The proof of execution shows no dates. Please add dated evidence.",
    ),
    (
        "scenario.remark.dated_evidence",
        "We missed the deadline. The attached usage report shows the dates.",
    ),
    (
        "scenario.remark.products_missing",
        "The proof of execution does not name every claimed product.",
    ),
    (
        "scenario.remark.products_named",
        "The updated proof of execution names every claimed product.",
    ),
    (
        "scenario.lesson.submitted",
        "The partner submits the claim. A reviewer should start the review by the end of {{ review_start_by }}, and the decision is due by the end of {{ decision_by }}. If Microsoft is late, the claim is only flagged overdue: nothing happens to it automatically.",
    ),
    (
        "scenario.lesson.review_started",
        "A reviewer starts the review. While the claim is under review, nothing in it can be changed. The reviewer should decide by the end of {{ decide_by }}.",
    ),
    (
        "scenario.lesson.information_requested_one",
        "The reviewer asks for more information. The partner has {{ count }} business day to respond: until the end of {{ respond_by }}. Weekends and holidays don't count. Without a response by then, the claim is rejected automatically. Meanwhile the decision target is paused.",
    ),
    (
        "scenario.lesson.information_requested_other",
        "The reviewer asks for more information. The partner has {{ count }} business days to respond: until the end of {{ respond_by }}. Weekends and holidays don't count. Without a response by then, the claim is rejected automatically. Meanwhile the decision target is paused.",
    ),
    (
        "scenario.lesson.information_requested_over_holiday_one",
        "The reviewer asks for more information just before Christmas. The partner has {{ count }} business day, and neither the weekend nor {{ holiday }}, a holiday, counts: the deadline is the end of {{ respond_by }}.",
    ),
    (
        "scenario.lesson.information_requested_over_holiday_other",
        "The reviewer asks for more information just before Christmas. The partner has {{ count }} business days, and neither the weekend nor {{ holiday }}, a holiday, counts: the deadline is the end of {{ respond_by }}.",
    ),
    (
        "scenario.lesson.poe_added_while_waiting",
        "While partner action is required, the partner can add proof of execution and change the Partner ID, the products and the contacts. Adding a document is not yet a response: the deadline is still the end of {{ respond_by }}.",
    ),
    (
        "scenario.lesson.responded",
        "The partner responds and resubmits. The claim is under review again, and the reviewer should decide by the end of {{ decide_by }}. The decision target runs again, now until the end of {{ decision_by }}: the business days spent waiting for the partner are added back.",
    ),
    (
        "scenario.lesson.responded_on_last_day",
        "The partner responds on the last day, and that is in time: the deadline is the end of the day. The claim is under review again and the reviewer should decide by the end of {{ decide_by }}. The decision target moves to the end of {{ decision_by }}: the business days spent waiting for the partner are added back.",
    ),
    (
        "scenario.lesson.approved_one",
        "The reviewer approves the claim. The customer's consent period starts: for {{ count }} calendar day, until the end of {{ consent_until }}, the customer can still decline. Calendar days: weekends and holidays count.",
    ),
    (
        "scenario.lesson.approved_other",
        "The reviewer approves the claim. The customer's consent period starts: for {{ count }} calendar days, until the end of {{ consent_until }}, the customer can still decline. Calendar days: weekends and holidays count.",
    ),
    (
        "scenario.lesson.consent_ended",
        "The consent period ended at the end of {{ last_day }}, and the customer did not decline. The association is official, and the claim goes on to incentive eligibility evaluation.",
    ),
    (
        "scenario.lesson.no_response_rejected",
        "Nobody responded by the end of {{ missed }}, so at that moment the claim was rejected automatically: no partner response. The partner can dispute the rejection until the end of {{ dispute_until }}.",
    ),
    (
        "scenario.lesson.disputed",
        "The partner disputes the rejection and adds the missing evidence. A claim can be disputed only once. The dispute should be decided by the end of {{ review_by }}.",
    ),
    (
        "scenario.lesson.overturned_one",
        "The reviewer overturns the rejection: the claim is approved, and a new consent period of {{ count }} calendar day runs until the end of {{ consent_until }}.",
    ),
    (
        "scenario.lesson.overturned_other",
        "The reviewer overturns the rejection: the claim is approved, and a new consent period of {{ count }} calendar days runs until the end of {{ consent_until }}.",
    ),
    (
        "scenario.lesson.customer_declined",
        "The customer declines the association during the consent period, and the claim is rejected. The partner can dispute this until the end of {{ dispute_until }}.",
    ),
    (
        "scenario.lesson.rejection_requested",
        "Under review nothing can be edited, so to correct the Partner ID the partner requests rejection. A rejection the partner asked for cannot be disputed, so a new claim can be started right away.",
    ),
    (
        "scenario.lesson.new_claim_started",
        "The partner starts a new claim from the rejected one: a draft with the same fields and proof of execution. The two claims are linked, and the rejected one stays as it is.",
    ),
    (
        "scenario.lesson.partner_id_corrected",
        "In a draft every field can be changed: the partner corrects the Partner ID before submitting.",
    ),
    (
        "scenario.lesson.competing_claim_submitted",
        "Our claim names the same tenant and the same workload as another partner's claim. A workload belongs to one partner only, so both claims go to arbitration and can stay under review longer. A reviewer should still start our review by the end of {{ review_start_by }}.",
    ),
    (
        "scenario.lesson.review_overdue",
        "The review decision was due by the end of {{ was_due }}, and Microsoft is late, as often happens in arbitration. The claim is flagged overdue, but nothing happens to it automatically.",
    ),
    (
        "scenario.lesson.lost_arbitration",
        "The reviewer rejects our claim: the other partner's claim was approved, and a workload belongs to one partner only. Our rejection can be disputed until the end of {{ dispute_until }}.",
    ),
    (
        "scenario.lesson.rejected_missing_products_one",
        "The reviewer rejects the claim: the proof of execution does not name every claimed product. The partner can dispute the rejection for {{ count }} calendar day, until the end of {{ dispute_until }}.",
    ),
    (
        "scenario.lesson.rejected_missing_products_other",
        "The reviewer rejects the claim: the proof of execution does not name every claimed product. The partner can dispute the rejection for {{ count }} calendar days, until the end of {{ dispute_until }}.",
    ),
    (
        "scenario.lesson.dispute_window_closed",
        "The dispute window closed at the end of {{ last_day }}. The status stays Rejected, but the rejection can no longer be disputed: it is final.",
    ),
    (
        "scenario.lesson.new_claim_after_window",
        "Now that the rejection can no longer be disputed, the partner can start a new claim from it. While the dispute window was open, only a dispute was possible.",
    ),
    (
        "scenario.lesson.poe_completed",
        "The partner adds proof of execution that names every claimed product, which the first claim lacked.",
    ),
    (
        "scenario.question.review_start",
        "By when should a reviewer start the review?",
    ),
    (
        "scenario.question.review_decision",
        "By when should the reviewer decide?",
    ),
    (
        "scenario.question.partner_response",
        "By when must the partner respond?",
    ),
    (
        "scenario.question.customer_consent",
        "Until when can the customer decline?",
    ),
    (
        "scenario.question.dispute_window",
        "Until when can the partner dispute the rejection?",
    ),
    (
        "scenario.question.dispute_review",
        "By when should the dispute be decided?",
    ),
    (
        "scenario.question.decision_target",
        "By when should the claim be decided?",
    ),
    (
        "scenario.why.business_days_one",
        "Count {{ count }} business day after {{ counted_from }}, skipping weekends. The deadline is the end of that day.",
    ),
    (
        "scenario.why.business_days_other",
        "Count {{ count }} business days after {{ counted_from }}, skipping weekends. The deadline is the end of that day.",
    ),
    (
        "scenario.why.business_days_and_holidays_one",
        "Count {{ count }} business day after {{ counted_from }}, skipping weekends and holidays ({{ holidays }}). The deadline is the end of that day.",
    ),
    (
        "scenario.why.business_days_and_holidays_other",
        "Count {{ count }} business days after {{ counted_from }}, skipping weekends and holidays ({{ holidays }}). The deadline is the end of that day.",
    ),
    (
        "scenario.why.calendar_days_one",
        "Count {{ count }} calendar day after {{ counted_from }}: weekends and holidays count too. The deadline is the end of that day.",
    ),
    (
        "scenario.why.calendar_days_other",
        "Count {{ count }} calendar days after {{ counted_from }}: weekends and holidays count too. The deadline is the end of that day.",
    ),
    (
        "scenario.mistake.calendar_days_one",
        "That counts {{ count }} calendar day, but this clock counts business days: weekends and holidays don't count.",
    ),
    (
        "scenario.mistake.calendar_days_other",
        "That counts {{ count }} calendar days, but this clock counts business days: weekends and holidays don't count.",
    ),
    (
        "scenario.mistake.forgot_holidays",
        "That skips the weekends but forgets the holiday.",
    ),
    (
        "scenario.mistake.business_days_one",
        "That counts {{ count }} business day, but this clock counts calendar days: weekends and holidays count too.",
    ),
    (
        "scenario.mistake.business_days_other",
        "That counts {{ count }} business days, but this clock counts calendar days: weekends and holidays count too.",
    ),
    (
        "scenario.mistake.counted_event_day",
        "That counts the day of the event itself. Counting starts on the day after.",
    ),
    (
        "scenario.mistake.day_after_deadline",
        "That is one day too late: the deadline is the end of the last day, not the next morning.",
    ),
    (
        "scenario.deadline_passes.review_start",
        "The review start deadline passes",
    ),
    (
        "scenario.deadline_passes.review_decision",
        "The review decision deadline passes",
    ),
    (
        "scenario.deadline_passes.partner_response",
        "The partner response deadline passes",
    ),
    (
        "scenario.deadline_passes.customer_consent",
        "The consent period ends",
    ),
    (
        "scenario.deadline_passes.dispute_window",
        "The dispute window closes",
    ),
    (
        "scenario.deadline_passes.dispute_review",
        "The dispute review deadline passes",
    ),
    (
        "scenario.deadline_passes.decision_target",
        "The decision target passes",
    ),
    (
        "scenario.when.same_day",
        "Start day, {{ time }}",
    ),
    (
        "scenario.when.business_days_one",
        "{{ count }} business day after the start, {{ time }}",
    ),
    (
        "scenario.when.business_days_other",
        "{{ count }} business days after the start, {{ time }}",
    ),
    (
        "scenario.when.calendar_days_one",
        "{{ count }} calendar day after the start, {{ time }}",
    ),
    (
        "scenario.when.calendar_days_other",
        "{{ count }} calendar days after the start, {{ time }}",
    ),
    (
        "scenario.error.calendar",
        "The scenario's calendar cannot be built.",
    ),
    (
        "scenario.error.start_not_representable",
        "The scenario's start time does not exist in its time zone.",
    ),
    (
        "scenario.error.duplicate_claim",
        "Two starting claims have the same role.",
    ),
    (
        "scenario.error.setup",
        "A starting claim could not be prepared.",
    ),
    (
        "scenario.error.refused",
        "The rules refuse this step.",
    ),
    (
        "scenario.error.unknown_claim",
        "This step acts on a claim the scenario does not have yet.",
    ),
    (
        "scenario.error.claim_exists",
        "This step would start a claim that already exists.",
    ),
    (
        "scenario.error.time_not_representable",
        "This step's time does not exist in the scenario's time zone.",
    ),
    (
        "scenario.error.before_previous",
        "This step comes before the previous one.",
    ),
    (
        "scenario.error.no_running_clock",
        "No such deadline is running on this claim.",
    ),
    (
        "scenario.error.unscripted_transition",
        "An automatic transition happens here that no step explains.",
    ),
    (
        "scenario.error.lesson_deadline",
        "The lesson names a deadline the rules do not compute.",
    ),
    (
        "scenario.error.lesson_length",
        "The lesson names a clock length that is not the policy's.",
    ),
    (
        "scenario.error.not_competing",
        "The lesson says the claims compete, but the rules do not find them competing.",
    ),
    (
        "scenario.error.not_a_holiday_in_count",
        "The lesson's holiday is not a holiday within the deadline's count.",
    ),
    (
        "scenario.error.nothing_to_ask",
        "The step asks about a deadline the claim does not have.",
    ),
    (
        "scenario.error.unscripted_at_end",
        "After the last step, an automatic transition happens that no step explains.",
    ),
    (
        "scenario.error.missing_ending",
        "The scenario does not say how one of its claims ends.",
    ),
    (
        "scenario.error.wrong_ending",
        "A claim does not end as the scenario says.",
    ),
    (
        "scenario.cli.steps_one",
        "{{ count }} step",
    ),
    (
        "scenario.cli.steps_other",
        "{{ count }} steps",
    ),
    (
        "scenario.cli.asks_the_room",
        "asks the room",
    ),
    (
        "scenario.cli.calendar_us_federal",
        "Calendar: business days Monday to Friday in {{ time_zone }}, US federal holidays",
    ),
    (
        "scenario.cli.calendar_no_holidays",
        "Calendar: business days Monday to Friday in {{ time_zone }}, no holidays",
    ),
    (
        "scenario.cli.calendar_custom",
        "Calendar: business days {{ weekmask }} in {{ time_zone }}",
    ),
    (
        "scenario.cli.start",
        "Start: {{ at }}",
    ),
    (
        "scenario.cli.claims_at_start",
        "Claims at the start",
    ),
    (
        "scenario.cli.claim",
        "{{ role }}: “{{ name }}”, Partner ID {{ partner_id }}, customer {{ domain }}, tenant {{ tenant_id }}",
    ),
    (
        "scenario.cli.step",
        "Step {{ number }} of {{ total }}",
    ),
    (
        "scenario.cli.does",
        "{{ role }} · {{ actor }}: {{ action }}",
    ),
    (
        "scenario.cli.now",
        "Now: {{ status }} · {{ phase }}",
    ),
    (
        "scenario.cli.rejected",
        "Rejected: {{ reason }}",
    ),
    (
        "scenario.cli.rejected_final",
        "Rejected: {{ reason }}; final, it can no longer be disputed",
    ),
    (
        "scenario.cli.running",
        "Running deadlines",
    ),
    (
        "scenario.cli.running_none",
        "No deadline running",
    ),
    (
        "scenario.cli.deadline",
        "{{ clock }}: until the end of {{ last_day }}",
    ),
    (
        "scenario.cli.deadline_overdue",
        "{{ clock }}: overdue since the end of {{ last_day }}",
    ),
    (
        "scenario.cli.deadline_paused",
        "{{ clock }}: paused while partner action is required",
    ),
    (
        "scenario.cli.lesson",
        "Lesson",
    ),
    (
        "scenario.cli.ask",
        "Ask the room",
    ),
    (
        "scenario.cli.right",
        "right",
    ),
    (
        "scenario.cli.wrong",
        "wrong",
    ),
    (
        "scenario.cli.end",
        "End of the script: {{ at }}",
    ),
    (
        "scenario.cli.ending",
        "{{ role }}: {{ status }} · {{ phase }}",
    ),
    (
        "scenario.cli.unknown_scenario",
        "There is no scenario “{{ name }}”. Run cpor scenario list to see the scenarios.",
    ),
    (
        "scenario.cli.defective",
        "Scenario {{ name }} cannot be played. {{ problem }}",
    ),
];

#[cfg(test)]
mod tests {
    use super::TEXTS;

    fn flatten(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                for (name, value) in map {
                    flatten(&format!("{prefix}.{name}"), value, out);
                }
            }
            serde_json::Value::String(text) => out.push((prefix.to_string(), text.clone())),
            other => panic!("{prefix}: not a text: {other}"),
        }
    }

    #[test]
    fn the_texts_are_the_scenario_section_of_the_english_catalogue_word_for_word() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/en.json");
        let catalogue: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("locales/en.json"))
                .expect("locales/en.json is JSON");
        let mut texts = Vec::new();
        flatten("scenario", &catalogue["scenario"], &mut texts);
        let mut ours: Vec<(String, String)> = TEXTS
            .iter()
            .map(|(key, text)| ((*key).to_string(), (*text).to_string()))
            .collect();
        // serde_json's objects are sorted by key: compare both sorted.
        ours.sort();
        texts.sort();
        let only_here: Vec<_> = ours.iter().filter(|pair| !texts.contains(pair)).collect();
        let only_there: Vec<_> = texts.iter().filter(|pair| !ours.contains(pair)).collect();
        assert!(
            only_here.is_empty() && only_there.is_empty(),
            "only in the CLI: {only_here:#?}\nonly in locales/en.json: {only_there:#?}"
        );
    }
}
