//! Reads a SAML identity provider's metadata XML (the file Okta, Azure AD or Google
//! offer for download) into the form's fields: its entity ID, its sign-in and sign-out
//! addresses and its signing certificate. A small reader of tags and attributes: the
//! metadata is read here in the browser and never sent as it is.

/// What the metadata says; empty where it says nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub entity_id: String,
    pub sso_url: String,
    pub slo_url: String,
    pub certificate: String,
}

/// One start tag: its local name (without the namespace prefix) and attributes.
struct Tag<'a> {
    name: &'a str,
    attrs: &'a str,
    /// Where the text after the tag starts.
    end: usize,
}

fn tags(xml: &str) -> impl Iterator<Item = Tag<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let start = at + xml[at..].find('<')?;
        if xml[start..].starts_with("<!--") {
            at = start + xml[start..].find("-->")? + 3;
            continue;
        }
        let close = start + xml[start..].find('>')?;
        at = close + 1;
        let inner = &xml[start + 1..close];
        if let Some(closing) = inner.strip_prefix('/') {
            let name = closing.trim().rsplit(':').next().unwrap_or(closing);
            if name == "IDPSSODescriptor" {
                return Some(Tag {
                    name: "/IDPSSODescriptor",
                    attrs: "",
                    end: at,
                });
            }
            continue;
        }
        if inner.starts_with(['?', '!']) {
            continue;
        }
        let inner = inner.trim_end_matches('/');
        let (qname, attrs) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let name = qname.rsplit(':').next().unwrap_or(qname);
        return Some(Tag {
            name,
            attrs,
            end: at,
        });
    })
}

/// An attribute's value, with XML's five entities decoded.
fn attr(attrs: &str, key: &str) -> Option<String> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next()?;
        let body = &after[1..];
        let stop = body.find(quote)?;
        if name == key {
            return Some(
                body[..stop]
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&"),
            );
        }
        rest = &body[stop + 1..];
    }
    None
}

/// Reads the metadata, or says why it cannot.
pub fn read_metadata(xml: &str) -> Result<Metadata, String> {
    let mut m = Metadata::default();
    let mut in_idp = false;
    let mut skip_key = false;
    for t in tags(xml) {
        match t.name {
            "EntityDescriptor" if m.entity_id.is_empty() => {
                m.entity_id = attr(t.attrs, "entityID").unwrap_or_default();
            }
            "IDPSSODescriptor" => in_idp = true,
            "/IDPSSODescriptor" => in_idp = false,
            "SPSSODescriptor" => in_idp = false,
            "KeyDescriptor" if in_idp => {
                skip_key = attr(t.attrs, "use").as_deref() == Some("encryption");
            }
            "X509Certificate" if in_idp && !skip_key && m.certificate.is_empty() => {
                let text = &xml[t.end..];
                let body = &text[..text.find('<').unwrap_or(text.len())];
                // Java and ADFS tools write line ends as `&#13;` / `&#xD;`.
                let body = body
                    .replace("&#13;", "")
                    .replace("&#xD;", "")
                    .replace("&#10;", "")
                    .replace("&#xA;", "");
                m.certificate = body.split_whitespace().collect();
            }
            "SingleSignOnService" | "SingleLogoutService" if in_idp => {
                let slot = if t.name == "SingleSignOnService" {
                    &mut m.sso_url
                } else {
                    &mut m.slo_url
                };
                let redirect =
                    attr(t.attrs, "Binding").is_some_and(|b| b.ends_with("HTTP-Redirect"));
                if slot.is_empty() || redirect {
                    *slot = attr(t.attrs, "Location").unwrap_or_default();
                }
            }
            _ => {}
        }
    }
    if m.entity_id.is_empty() || m.sso_url.is_empty() {
        return Err("This file is not a SAML identity provider's metadata (no entity ID or sign-in address).".into());
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OKTA: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk1&amp;x">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="encryption"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>ENCRYPTION</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>MIIDpDCC&#13;
        AoygAwIB</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
    <!-- <md:SingleSignOnService Location="https://commented.out"/> <md:SingleLogoutService Location="https://x"/> -->
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://acme.okta.com/sso/post"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location='https://acme.okta.com/sso/redirect'/>
  </md:IDPSSODescriptor>
  <md:SPSSODescriptor><md:SingleLogoutService Location="https://not.the.idp/slo"/></md:SPSSODescriptor>
</md:EntityDescriptor>"#;

    #[test]
    fn the_signing_certificate_and_the_redirect_address_are_read() {
        let m = read_metadata(OKTA).unwrap();
        assert_eq!(m.entity_id, "http://www.okta.com/exk1&x");
        assert_eq!(m.sso_url, "https://acme.okta.com/sso/redirect");
        assert_eq!(m.certificate, "MIIDpDCCAoygAwIB");
        assert_eq!(m.slo_url, "");
    }

    #[test]
    fn a_file_that_is_not_metadata_says_so() {
        assert!(read_metadata("email,first_name\nann@x.test,Ann").is_err());
        assert!(read_metadata(
            "<EntityDescriptor entityID=\"x\"><SPSSODescriptor/></EntityDescriptor>"
        )
        .is_err());
    }
}
