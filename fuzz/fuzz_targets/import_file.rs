//! Any bytes as an import file: a merge plan or an error, never a panic; importing the
//! merged result again adds nothing.
#![no_main]
use groove_core::schema::Document;
use groove_core::transfer::{export, plan_import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok((merged, _)) = plan_import(&Document::new(), text) {
            let again = plan_import(&merged, &export(&merged, 0, &[])).expect("an export re-imports");
            assert!(again.1.is_empty());
        }
    }
});
