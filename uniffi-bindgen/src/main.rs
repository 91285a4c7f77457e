//! `uniffi-bindgen`: generates the Kotlin, Swift and Python bindings of `adkit-uniffi`.
fn main() {
    uniffi::uniffi_bindgen_main()
}
