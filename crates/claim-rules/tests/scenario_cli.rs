//! `cpor scenario list` and `cpor scenario show`: the scenarios as a trainer reads them.

use std::process::{Command, Output};

fn cpor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cpor"))
        .args(args)
        .output()
        .expect("cpor runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn list_names_every_scenario_with_its_title() {
    let text = stdout(&cpor(&["scenario", "list"]));
    assert_eq!(text.lines().count(), 8, "{text}");
    assert!(text.contains("christmas_deadline"));
    assert!(text.contains("A request just before Christmas"));
    assert!(text.contains("9 steps"), "{text}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&cpor(&["--json", "scenario", "list"]))).unwrap();
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|scenario| scenario["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "smooth_path",
            "information_answered",
            "information_missed",
            "customer_declines",
            "wrong_mpn",
            "competing_claims",
            "christmas_deadline",
            "dispute_window_closes"
        ]
    );
    assert_eq!(json[5]["claims"], serde_json::json!(["ours", "competitor"]));
}

#[test]
fn show_prints_each_step_with_status_deadlines_lesson_and_the_question() {
    let text = stdout(&cpor(&["scenario", "show", "christmas_deadline"]));
    for expected in [
        "A request just before Christmas  (christmas_deadline)",
        "Calendar: business days Monday to Friday in America/Los_Angeles, US federal holidays",
        "Start: Mon 2026-12-21 09:00 PST",
        "Step 3 of 7  Wed 2026-12-23 11:00 PST  (2 business days after the start, 11:00)",
        "Our claim · Reviewer: Request information",
        "Now: Partner action required · Partner action required",
        "Partner response: until the end of Thu 2026-12-31",
        "Decision target: paused while partner action is required",
        "neither the weekend nor Fri 2026-12-25, a holiday, counts: the deadline is the end of Thu 2026-12-31.",
        "Ask the room: By when must the partner respond?",
        "A  Mon 2026-12-28  wrong: That counts 5 calendar days",
        "B  Wed 2026-12-30  wrong: That skips the weekends but forgets the holiday.",
        "C  Thu 2026-12-31  right: Count 5 business days after Wed 2026-12-23, skipping weekends and holidays (Fri 2026-12-25).",
        "Step 7 of 7  Wed 2027-01-13 00:00 PST",
        "Our claim · System: The consent period ends",
        "Our claim: Approved · Approved — official",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(!text.contains("scenario."), "an unworded key:\n{text}");
}

#[test]
fn every_scenario_shows_in_words_without_a_missing_text() {
    for name in [
        "smooth_path",
        "information_answered",
        "information_missed",
        "customer_declines",
        "wrong_mpn",
        "competing_claims",
        "christmas_deadline",
        "dispute_window_closes",
    ] {
        let text = stdout(&cpor(&["scenario", "show", name]));
        assert!(
            !text.contains("scenario."),
            "{name}: an unworded key:\n{text}"
        );
        assert!(
            !text.contains("{{"),
            "{name}: an unfilled parameter:\n{text}"
        );
    }
    let text = stdout(&cpor(&["scenario", "show", "information_missed"]));
    assert!(text.contains("Our claim · System: The partner response deadline passes"));
    assert!(
        text.contains("Now: Rejected · Rejected: No partner response"),
        "{text}"
    );
    let text = stdout(&cpor(&["scenario", "show", "competing_claims"]));
    assert!(text.contains("Review decision: overdue since the end of Wed 2026-04-29"));
    assert!(text.contains("The other partner's claim: Approved · Approved — official"));
}

#[test]
fn show_json_has_codes_parameters_and_texts() {
    let json: serde_json::Value = serde_json::from_str(&stdout(&cpor(&[
        "scenario",
        "show",
        "information_missed",
        "--json",
    ])))
    .unwrap();
    assert_eq!(json["name"], "information_missed");
    let steps = json["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 7);
    let rejection = &steps[3];
    assert_eq!(rejection["actor"], "System");
    assert_eq!(rejection["action"], "PartnerResponseExpired");
    assert_eq!(rejection["deadline"], "PartnerResponse");
    assert_eq!(rejection["status"], "Rejected");
    assert_eq!(rejection["at"], "2026-03-19T07:00:00Z");
    assert_eq!(
        rejection["lesson"]["code"],
        "scenario.lesson.no_response_rejected"
    );
    assert_eq!(rejection["lesson"]["params"]["missed"], "2026-03-18");
    assert_eq!(rejection["lesson"]["params"]["dispute_until"], "2026-04-18");
    assert!(rejection["lesson"]["text"]
        .as_str()
        .unwrap()
        .contains("until the end of Sat 2026-04-18"));
    let question = &rejection["ask_the_room"];
    assert_eq!(
        question["question"]["code"],
        "scenario.question.dispute_window"
    );
    let rights: Vec<_> = question["choices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|choice| choice["right"] == true)
        .collect();
    assert_eq!(rights.len(), 1);
    assert_eq!(rights[0]["last_day"], "2026-04-18");
    assert_eq!(json["endings"][0]["status"], "Approved");
}

#[test]
fn an_unknown_scenario_is_named_and_refused() {
    let output = cpor(&["scenario", "show", "christmas"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("There is no scenario “christmas”. Run cpor scenario list"),
        "{stderr}"
    );
}
