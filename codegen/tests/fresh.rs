//! Each checked-in generated file is exactly what the operation declarations give.

use std::path::Path;

#[test]
fn generated_files_match_the_declarations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for file in adkit_codegen::files() {
        let on_disk = std::fs::read_to_string(root.join(file.path)).unwrap_or_default();
        assert!(
            on_disk == file.text,
            "{} is stale: run `cargo run -p adkit-codegen`",
            file.path
        );
    }
}

#[test]
fn every_admitad_operation_has_its_typescript_method() {
    let ts = adkit_codegen::typescript_methods(
        adkit::Vendor::Admitad,
        "AdmitadClient",
        "AdmitadPage",
        "AdmitadPages",
    );
    for op in adkit::registry::operations()
        .into_iter()
        .filter(|o| o.vendor == adkit::Vendor::Admitad)
    {
        assert!(ts.contains(&format!("  {}(", op.js_name())), "{}", op.name);
    }
    assert!(
        ts.contains(
            "  balance(request?: GetBalance, options?: CallOptions): Promise<BalanceList>;"
        )
    );
    assert!(ts.contains("  me(options?: CallOptions): Promise<AdmitadMe>;"));
    assert!(ts.contains(
        "  banners(request: ListBanners, options?: CallOptions): Promise<AdmitadPage<Banner>>;"
    ));
    assert!(ts.contains(
        "  collectStatistics(request: ListStatistics | undefined, cap: number, options?: CallOptions): Promise<StatisticsRow[]>;"
    ));
}

#[test]
fn every_adapty_and_adjust_operation_has_its_typescript_method() {
    for (vendor, client) in [
        (adkit::Vendor::Adapty, "AdaptyClient"),
        (adkit::Vendor::Adjust, "AdjustClient"),
    ] {
        let ts = adkit_codegen::typescript_arg_methods(vendor, client);
        for op in adkit::registry::operations()
            .into_iter()
            .filter(|o| o.vendor == vendor)
        {
            assert!(ts.contains(&format!("  {}(", op.js_name())), "{}", op.name);
        }
    }
    let adapty = adkit_codegen::typescript_arg_methods(adkit::Vendor::Adapty, "AdaptyClient");
    assert!(adapty.contains(
        "  listVirtualCurrencyTransactions(user: AdaptyUser, query?: VirtualCurrencyHistoryQuery, options?: CallOptions): Promise<VirtualCurrencyHistory>;"
    ));
    assert!(
        adapty.contains("  deleteProfile(user: AdaptyUser, options?: CallOptions): Promise<Ack>;")
    );
    let adjust = adkit_codegen::typescript_arg_methods(adkit::Vendor::Adjust, "AdjustClient");
    assert!(adjust.contains(
        "  findApp(storeId: string, platform: Platform, options?: CallOptions): Promise<AppDetails>;"
    ));
}
