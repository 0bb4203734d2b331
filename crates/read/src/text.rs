//! Bytes to checked text: encoding, binary data and line length are the reader's job, so later
//! stages can trust what they get.

use crate::error::ReadError;
use crate::MAX_LINE_BYTES;

/// Decode bytes as UTF-8 text.
///
/// A NUL byte means binary data. Invalid UTF-8 is an error naming the byte offset and line,
/// unless `lossy`, in which case bad bytes become U+FFFD. A leading byte-order mark is dropped.
pub fn decode_utf8(bytes: &[u8], input: &str, lossy: bool) -> Result<String, ReadError> {
    if let Some(offset) = memchr_nul(bytes) {
        return Err(ReadError::Binary {
            input: input.to_string(),
            offset,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) if lossy => String::from_utf8_lossy(bytes).into_owned(),
        Err(err) => {
            let offset = err.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(ReadError::InvalidUtf8 {
                input: input.to_string(),
                offset,
                line,
            });
        }
    };
    check_line_lengths(&text, input)?;
    Ok(text)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Refuse text with a line over [`MAX_LINE_BYTES`].
pub(crate) fn check_line_lengths(text: &str, input: &str) -> Result<(), ReadError> {
    let mut offset = 0;
    for (index, line) in text.split('\n').enumerate() {
        if line.len() > MAX_LINE_BYTES {
            return Err(ReadError::LineTooLong {
                input: input.to_string(),
                line: index + 1,
                offset,
                length: line.len(),
                limit: MAX_LINE_BYTES,
            });
        }
        offset += line.len() + 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_offset_and_line() {
        let err = decode_utf8(b"ok\nbad \xff here", "f.txt", false).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("byte offset 7"), "{message}");
        assert!(message.contains("line 2"), "{message}");
        let text = decode_utf8(b"ok\nbad \xff here", "f.txt", true).unwrap();
        assert!(text.contains('\u{FFFD}'));
    }

    #[test]
    fn binary_and_bom() {
        assert!(matches!(
            decode_utf8(b"PK\x03\x04\x00\x00", "a.zip", false),
            Err(ReadError::Binary { offset: 4, .. })
        ));
        assert_eq!(decode_utf8(b"\xEF\xBB\xBFhi", "b", false).unwrap(), "hi");
    }

    #[test]
    fn huge_line_is_refused() {
        let text = "a".repeat(MAX_LINE_BYTES + 1);
        let err = decode_utf8(text.as_bytes(), "big.txt", false).unwrap_err();
        assert!(matches!(err, ReadError::LineTooLong { line: 1, .. }));
    }
}
