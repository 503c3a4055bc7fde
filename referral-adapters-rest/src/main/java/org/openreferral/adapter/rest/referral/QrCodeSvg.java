package org.openreferral.adapter.rest.referral;

import io.nayuki.qrcodegen.QrCode;

/** Draws a QR code of a text as a small SVG document: one path of black modules on white, with the quiet zone. */
final class QrCodeSvg {

    private static final int QUIET_ZONE = 4;

    private QrCodeSvg() {
    }

    static String of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$d %1$d" width="%2$d" height="%2$d" \
                shape-rendering="crispEdges" role="img"><rect width="%1$d" height="%1$d" fill="#ffffff"/>\
                <path d="%3$s" fill="#000000"/></svg>
                """.formatted(size, size * 6, path);
    }
}
