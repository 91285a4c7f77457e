//! `cargo run -p adkit-codegen`: writes every generated file (see the library).

use std::path::Path;

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for file in adkit_codegen::files() {
        let path = root.join(file.path);
        std::fs::write(&path, file.text)?;
        println!("wrote {}", file.path);
    }
    Ok(())
}
