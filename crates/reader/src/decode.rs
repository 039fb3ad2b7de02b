//! Bytes to text: byte-order marks, UTF-8, UTF-16 and legacy encodings (EUC-KR/CP949 and others
//! that `chardetng` recognises). Refuses binary files with a message that says what they look like.
//! Knows nothing about HTML or articles.

use encoding_rs::{EUC_KR, Encoding, UTF_8, UTF_16BE, UTF_16LE};
use thiserror::Error;

/// Text decoded from a file, and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Some bytes were not valid in that encoding and became U+FFFD.
    pub had_errors: bool,
}

/// Why a file is not text.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only white space")]
    Blank,
    #[error(
        "this is a binary file ({0}), not a text or HTML page; remove it from the corpus folder"
    )]
    Binary(&'static str),
}

/// Decodes a page's bytes.
///
/// ```
/// let euc_kr = [0xb1, 0xe8, 0xc1, 0xa4, 0xc0, 0xba]; // "김정은" in EUC-KR
/// let decoded = reader::decode::decode(&euc_kr).unwrap();
/// assert_eq!(decoded.text, "김정은");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(encoding, &bytes[bom_len..]);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return finish(encoding, bytes);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_blank(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
            had_errors: false,
        });
    }
    // Korean text in EUC-KR, the legacy encoding most pages of this coverage come in: known at
    // a glance, where the detector costs more than all the rest of decoding.
    if plain_euc_kr_hangul(bytes) {
        return finish(EUC_KR, bytes);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    finish(encoding, bytes)
}

/// Whether the bytes read as Korean in plain EUC-KR (KS X 1001, without the CP949 extensions):
/// every byte above ASCII pairs with the next in 0xA1–0xFE, and nearly every pair (95 %, at
/// least 16 of them) is a Hangul syllable (lead byte 0xB0–0xC8). Chinese in GB2312 or Big5 and
/// Japanese in EUC-JP or Shift_JIS fail it: their characters fall outside those rows or those
/// bytes, so they go to the detector.
fn plain_euc_kr_hangul(bytes: &[u8]) -> bool {
    let (mut pairs, mut syllables) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        if lead < 0x80 {
            i += 1;
            continue;
        }
        let Some(&trail) = bytes.get(i + 1) else {
            return false;
        };
        if !(0xA1..=0xFE).contains(&lead) || !(0xA1..=0xFE).contains(&trail) {
            return false;
        }
        pairs += 1;
        syllables += usize::from((0xB0..=0xC8).contains(&lead));
        i += 2;
    }
    syllables >= 16 && syllables * 20 >= pairs * 19
}

fn finish(encoding: &'static Encoding, bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    check_blank(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        had_errors,
    })
}

fn check_blank(decoded: Decoded) -> Result<Decoded, DecodeError> {
    if decoded.text.trim().is_empty() {
        Err(DecodeError::Blank)
    } else {
        Ok(decoded)
    }
}

/// UTF-16 written without a byte-order mark shows as a NUL in every other byte of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    // Without a NUL neither count below can reach its share: skip counting.
    if sample.len() < 8 || !sample.contains(&0) {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 6 && even_nul * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 6 && odd_nul * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Names the binary format of a file, or `None` when it looks like text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 9] = [
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive or office document"),
        (b"\x1f\x8b", "gzip archive"),
        (b"\x7fELF", "executable"),
        (b"RIFF", "RIFF media file"),
        (b"\0asm", "WebAssembly module"),
    ];
    if let Some((_, name)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(name);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return Some("unrecognised binary data");
    }
    // Text has few bytes below 0x20 of any kind: count those first, a loop the compiler turns
    // into vector instructions, and tell the harmless ones apart only when there are many.
    let low = sample.iter().filter(|&&b| b < 0x20).count();
    if low * 20 <= sample.len() {
        return None;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if controls * 20 > sample.len() {
        Some("unrecognised binary data")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the detector alone would read the bytes as.
    fn detected(bytes: &[u8]) -> &'static str {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Deny).name()
    }

    #[test]
    fn korean_in_euc_kr_is_known_at_a_glance_and_as_the_detector_knows_it() {
        let korean = "북한과 러시아가 포괄적 전략적 동반자 관계 조약에 서명했다고 조선중앙통신이 20일 보도했다. \
                      김정은 국무위원장은 평양에서 푸틴 대통령과 정상회담을 가졌다.";
        let (bytes, _, unmappable) = EUC_KR.encode(korean);
        assert!(!unmappable);
        assert!(plain_euc_kr_hangul(&bytes));
        assert_eq!(detected(&bytes), "EUC-KR");
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (korean, "EUC-KR"));
    }

    #[test]
    fn chinese_and_japanese_in_legacy_encodings_go_to_the_detector() {
        let chinese = "朝鲜和俄罗斯签署了全面战略伙伴关系条约，朝中社报道说。金正恩在平壤与普京举行了会谈，双方讨论了经济合作。";
        let japanese = "北朝鮮とロシアは包括的戦略パートナーシップ条約に署名したと朝鮮中央通信が報じた。金正恩総書記は平壌でプーチン大統領と会談した。";
        for (text, encoding) in [
            (chinese, encoding_rs::GBK),
            (chinese, encoding_rs::BIG5),
            (japanese, encoding_rs::EUC_JP),
            (japanese, encoding_rs::SHIFT_JIS),
        ] {
            let (bytes, _, _) = encoding.encode(text);
            assert!(!plain_euc_kr_hangul(&bytes), "{}", encoding.name());
        }
        // Too few syllables to tell: a name or two in a Latin page.
        let (bytes, _, _) = EUC_KR.encode("Kim Jong Un (김정은) met Putin.");
        assert!(!plain_euc_kr_hangul(&bytes));
    }

    #[test]
    fn utf8_passes_through() {
        let d = decode("Kim Jong Un 김정은".as_bytes()).unwrap();
        assert_eq!(d.text, "Kim Jong Un 김정은");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode(b"\xef\xbb\xbfPutin").unwrap();
        assert_eq!(d.text, "Putin");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in "북한 and Russia".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "북한 and Russia");
        assert_eq!(decode(&be).unwrap().text, "북한 and Russia");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "Pyongyang and Moscow"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Pyongyang and Moscow");
    }

    #[test]
    fn euc_kr_is_detected() {
        let text = "북한과 러시아의 정상회담이 블라디보스토크에서 열렸다. 김정은 국무위원장은 푸틴 대통령과 만났다.";
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "EUC-KR");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n\t "), Err(DecodeError::Blank));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(DecodeError::Binary("PNG image"))
        );
        assert_eq!(
            decode(b"abc\0\x01\x02def"),
            Err(DecodeError::Binary("unrecognised binary data"))
        );
    }
}
