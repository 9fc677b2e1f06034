//! A QR code drawn in the page as SVG (the `qrcode` crate computes the
//! modules), so the secret it carries is never sent anywhere to be drawn.

use leptos::prelude::*;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG markup for `text`: one unit per module plus the 4-module quiet
/// zone, scaled by CSS. `None` if the text cannot be encoded.
pub fn qr_svg(text: &str) -> Option<(String, usize)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let svg = code
        .render::<svg::Color>()
        .module_dimensions(1, 1)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // The XML prologue is not allowed inside HTML.
    let svg = match svg.find("<svg") {
        Some(i) => svg[i..].to_string(),
        None => svg,
    };
    Some((svg, code.width()))
}

#[component]
pub fn Qr(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    match qr_svg(&text) {
        Some((svg, modules)) => view! { <div class="qr" role="img" aria-label=label data-modules=modules inner_html=svg></div> }
        .into_any(),
        None => view! {
            <p class="alert" role="alert">
                "The QR code could not be drawn; type the key below instead."
            </p>
        }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_an_svg_with_the_quiet_zone() {
        let uri = "otpauth://totp/AuthSec:ada%40acme.test?secret=JBSWY3DPEHPK3PXP&issuer=AuthSec&algorithm=SHA1&digits=6&period=30";
        let (svg, modules) = qr_svg(uri).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        // 111 bytes at level M exceed version 6 (106): version 7, 17 + 4 × 7 modules.
        assert_eq!(uri.len(), 111);
        assert_eq!(modules, 45);
        let side = modules + 8;
        assert!(
            svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")),
            "{}",
            &svg[..200]
        );
        assert!(!svg.contains("<script"));
    }
}
