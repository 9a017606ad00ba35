//! Splits a full CAMEO actor code into the GDELT actor columns.
//!
//! A CAMEO actor code is a run of three-letter parts: a country or region (`CHN`, `EUR`), role
//! types (`GOV`, `IGO`, `DEV`), a known group (`UNO`, `NAT`), religions (`CHR`, `SUN`). GDELT
//! publishes each part in its own column: `IGOUNODEVWBK` is type `IGO`, known group `UNO`,
//! second type `DEV`. Ethnic codes are not separated (their list is long and overlaps country
//! codes); a part that is none of the above fills the country column when it is still empty.

/// The GDELT columns of one actor code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorColumns {
    pub country: String,
    pub known_group: String,
    pub ethnic: String,
    pub religion1: String,
    pub religion2: String,
    pub type1: String,
    pub type2: String,
    pub type3: String,
}

const ROLE_TYPES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "SET",
];

const KNOWN_GROUPS: &[&str] = &[
    "AAM", "ABD", "ACC", "ADB", "AEU", "AFB", "ALQ", "AMF", "AML", "AMN", "AMU", "ANO", "APE",
    "ARL", "ASL", "ASN", "ATD", "BCA", "BIS", "BTH", "CEM", "CFA", "CIS", "CMN", "COE", "CPA",
    "CPC", "CRC", "CSS", "CWN", "DFL", "EBR", "ECA", "EEC", "EFT", "ENN", "FAO", "FID", "FIS",
    "FLN", "FTA", "GCC", "GIA", "GOE", "GOS", "GSP", "GSS", "HCH", "HCR", "HEZ", "HIP", "HMS",
    "HRW", "IAC", "IAD", "IAE", "IAF", "ICC", "ICG", "ICJ", "ICO", "IDB", "IGC", "IHF", "ILO",
    "IMF", "IOM", "IPU", "IRC", "ISJ", "ITP", "JUR", "KDP", "KID", "LBA", "LKD", "MBR", "MRZ",
    "MSF", "MSP", "NAT", "NEP", "NON", "OAS", "OAU", "OIC", "OPC", "PAP", "PFL", "PLF", "PLO",
    "PLS", "PMD", "PRC", "PSE", "RCR", "RND", "SAA", "SAD", "SCE", "SHA", "SOT", "TAL", "UEM",
    "UNO", "WAD", "WAM", "WAS", "WBK", "WCT", "WEF", "WFP", "WHO", "WTO", "XFM",
];

const RELIGIONS: &[&str] = &[
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "PAG", "PRO", "SFI", "SHI", "SHN",
    "SIK", "SUN", "TAO", "UDX", "ZRO",
];

/// Splits `code` into GDELT's actor columns. The first part is a country unless it is a role
/// (`IGOUNO`, `REB`); later parts are known groups, religions, roles, or else the country.
pub fn split(code: &str) -> ActorColumns {
    let mut out = ActorColumns::default();
    let code = code.trim();
    if !code.is_ascii() {
        return out;
    }
    let parts: Vec<&str> = (0..code.len() / 3)
        .map(|i| &code[i * 3..i * 3 + 3])
        .collect();
    for (i, part) in parts.into_iter().enumerate() {
        if i == 0 && !ROLE_TYPES.contains(&part) {
            out.country = part.to_string();
        } else if i > 0 && KNOWN_GROUPS.contains(&part) {
            // GDELT keeps the first known group: IGOUNODEVWBK is UNO.
            if out.known_group.is_empty() {
                out.known_group = part.to_string();
            }
        } else if RELIGIONS.contains(&part) && i > 0 {
            if out.religion1.is_empty() {
                out.religion1 = part.to_string();
            } else if out.religion2.is_empty() {
                out.religion2 = part.to_string();
            }
        } else if ROLE_TYPES.contains(&part) {
            for slot in [&mut out.type1, &mut out.type2, &mut out.type3] {
                if slot.is_empty() {
                    *slot = part.to_string();
                    break;
                }
            }
        } else if out.country.is_empty() {
            out.country = part.to_string();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(code: &str) -> (String, String, String, String) {
        let c = split(code);
        (c.country, c.known_group, c.type1, c.type2)
    }

    #[test]
    fn splits_like_gdelt_rows() {
        let s = |a: &str, b: &str, c: &str, d: &str| {
            (a.to_string(), b.to_string(), c.to_string(), d.to_string())
        };
        assert_eq!(cols("CHNGOV"), s("CHN", "", "GOV", ""));
        assert_eq!(cols("PRK"), s("PRK", "", "", ""));
        assert_eq!(cols("IGOUNO"), s("", "UNO", "IGO", ""));
        assert_eq!(cols("IGOEUREEC"), s("EUR", "EEC", "IGO", ""));
        assert_eq!(cols("IGOUNODEVWBK"), s("", "UNO", "IGO", "DEV"));
        assert_eq!(cols("IGOBUSIMF"), s("", "IMF", "IGO", "BUS"));
        assert_eq!(cols("CVL"), s("", "", "CVL", ""));
        assert_eq!(split("NGOCHR").religion1, "CHR");
    }
}
