//! Reading an export file from disk without ever holding more than the format allows.
//!
//! The size is checked twice: against the file's metadata before anything is read (so a
//! 2 GB file is refused at once, and its real size is named), and while reading, which
//! stops one byte past the limit (so a file that grows meanwhile, a named pipe or a
//! device such as `/dev/zero` whose metadata says nothing cannot fill the memory).

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use claim_rules::export::MAX_TEXT_BYTES;

use crate::catalogue::Catalogue;

/// The file's bytes, at most [`MAX_TEXT_BYTES`]; `Err` is the message for the user (the
/// caller exits with status 2: the file cannot be read at all).
pub fn read_export(file: &Path, catalogue: &Catalogue) -> Result<Vec<u8>, String> {
    let shown = file.display().to_string();
    let metadata = std::fs::metadata(file).map_err(|error| open_error(file, &error, catalogue))?;
    if metadata.is_dir() {
        return Err(catalogue.text("cli.error.is_folder", &[("file", shown)]));
    }
    let limit = MAX_TEXT_BYTES as u64;
    if metadata.len() > limit {
        return Err(too_large(file, Some(metadata.len()), catalogue));
    }
    let handle = File::open(file).map_err(|error| open_error(file, &error, catalogue))?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    handle
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| open_error(file, &error, catalogue))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(file, None, catalogue));
    }
    Ok(bytes)
}

fn open_error(file: &Path, error: &std::io::Error, catalogue: &Catalogue) -> String {
    let shown = file.display().to_string();
    match error.kind() {
        std::io::ErrorKind::NotFound => catalogue.text("cli.error.not_found", &[("file", shown)]),
        std::io::ErrorKind::PermissionDenied => {
            catalogue.text("cli.error.permission_denied", &[("file", shown)])
        }
        _ => catalogue.text(
            "cli.error.cannot_read",
            &[("file", shown), ("error", error.to_string())],
        ),
    }
}

/// "is 2.0 GB" when the size is known, "is larger than" when reading found out.
fn too_large(file: &Path, size: Option<u64>, catalogue: &Catalogue) -> String {
    let limit = (MAX_TEXT_BYTES / (1024 * 1024)).to_string();
    let shown = file.display().to_string();
    match size {
        Some(size) => catalogue.text(
            "cli.error.too_large",
            &[
                ("file", shown),
                ("size", human_size(size)),
                ("limit", limit),
            ],
        ),
        None => catalogue.text(
            "cli.error.too_large_unknown",
            &[("file", shown), ("limit", limit)],
        ),
    }
}

/// Binary units with one decimal: "50.0 MB", "2.0 GB".
fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::human_size;

    #[test]
    fn sizes_are_named_in_the_largest_fitting_unit() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(50 * 1024 * 1024 + 1), "50.0 MB");
        assert_eq!(human_size(2 * 1024 * 1024 * 1024), "2.0 GB");
    }
}
