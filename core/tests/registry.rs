//! The operation registry is complete: every declared operation's doc line names its HTTP method and
//! path, it has a golden request test, and the sandbox has its route (so every surface's suite can call it).

use adkit::Vendor;
use adkit::registry::{Operation, operations};
use adkit_sandbox::Sandbox;

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// The golden test file of each vendor's requests.
fn golden(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Admitad => include_str!("admitad_golden.rs"),
        Vendor::Adapty => include_str!("adapty_golden.rs"),
        Vendor::Adjust => include_str!("adjust_golden.rs"),
    }
}

/// Whether `text` holds `word` with no identifier character on either side.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}

/// The doc's path template made concrete: `{id}` → `1`, `{offer|action}` and `attach|detach` → the first.
fn concrete(path: &str) -> String {
    let path = path.split('?').next().unwrap_or(path);
    path.split('/')
        .map(
            |seg| match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(inner) if inner.contains('|') => {
                    inner.split('|').next().unwrap_or("").to_owned()
                }
                Some(_) => "1".to_owned(),
                None => seg.split('|').next().unwrap_or("").to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn every_operation_names_its_method_and_path() {
    let ops = operations();
    assert!(ops.len() >= 66 + 29 + 9, "{} operations", ops.len());
    for op in &ops {
        assert!(
            METHODS.contains(&op.http_method()),
            "{}: `{}`",
            op.name,
            op.doc
        );
        let path = op.path().split('?').next().unwrap_or("");
        // Adjust's paths have no trailing slash; Adapty's and Admitad's always do.
        let trailing = op.vendor == Vendor::Adjust || path.ends_with('/');
        assert!(
            path.starts_with('/') && trailing,
            "{}: path `{}`",
            op.name,
            op.path()
        );
    }
    let mut names: Vec<&str> = ops.iter().map(|o| o.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), ops.len(), "operation names are unique");
}

/// The one naming rule for request types, on every vendor: an endpoint type is its operation's name in
/// PascalCase, with `Get` or `List` before an operation named by a noun (`balance` → `GetBalance`,
/// `programs` → `ListPrograms`, `get_app` → `GetApp`, `export_cohort` → `ExportCohort`). A `…Request`
/// type is only ever a body record an endpoint carries.
#[test]
fn every_request_type_is_named_after_its_operation() {
    let mut wrong = Vec::new();
    for op in operations() {
        let pascal: String = op
            .name
            .split('_')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect();
        let allowed = [
            pascal.clone(),
            format!("Get{pascal}"),
            format!("List{pascal}"),
        ];
        if !allowed.contains(&op.request.to_owned()) {
            wrong.push(format!(
                "{:?} {} is served by {}",
                op.vendor, op.name, op.request
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "request types not named after their operation:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_operation_has_a_golden_request_test() {
    let missing: Vec<&str> = operations()
        .iter()
        .filter(|op| !has_word(golden(op.vendor), op.request))
        .map(|op: &Operation| op.request)
        .collect();
    assert!(missing.is_empty(), "no golden request test: {missing:?}");
}

#[tokio::test]
async fn every_operation_has_a_sandbox_route() {
    let sb = Sandbox::start().await.expect("sandbox");
    // Installs the TLS provider reqwest needs.
    adkit::native::ReqwestTransport::new().expect("transport");
    let http = reqwest::Client::new();
    let no_route = |status: u16, body: &[u8]| (status == 404 && body.is_empty()) || status == 405;
    // The rule tells a missing route apart: a path the sandbox has no route for is caught by it.
    let probe = http
        .get(format!("{}no_such_route/", sb.admitad_url()))
        .send()
        .await
        .expect("probe");
    let probe_status = probe.status().as_u16();
    assert!(
        no_route(probe_status, &probe.bytes().await.expect("body")),
        "{probe_status}"
    );
    let mut missing = Vec::new();
    for op in operations() {
        let root = match op.vendor {
            Vendor::Admitad => sb.admitad_url(),
            Vendor::Adapty => sb.adapty_url(),
            Vendor::Adjust => sb.adjust_url(),
        };
        let url = format!("{}{}", root.trim_end_matches('/'), concrete(op.path()));
        let method = reqwest::Method::from_bytes(op.http_method().as_bytes()).expect("method");
        let response = http
            .request(method, &url)
            .send()
            .await
            .expect("the sandbox answers");
        let status = response.status().as_u16();
        let body = response.bytes().await.expect("body");
        // axum's answer for a path or method no route takes: 404 with no body, or 405.
        if no_route(status, &body) {
            missing.push(format!("{} {} ({})", op.http_method(), url, op.name));
        }
    }
    assert!(missing.is_empty(), "no sandbox route: {missing:#?}");
}

#[test]
fn concrete_paths_pick_the_first_alternative() {
    assert_eq!(
        concrete("/advcampaigns/{program}/attach|detach/{website}/"),
        "/advcampaigns/1/attach/1/"
    );
    assert_eq!(
        concrete("/opt_codes/{offer|action}/create/"),
        "/opt_codes/offer/create/"
    );
    assert_eq!(
        concrete("/websites/v2/{name}/?search_by=name"),
        "/websites/v2/1/"
    );
    assert!(has_word("let x = GetMe;", "GetMe") && !has_word("GetMeNot", "GetMe"));
}
