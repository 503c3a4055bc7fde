package org.openreferral.bootstrap.referral;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openreferral.application.referral.port.out.ClientNetworks;

/** Client networks (IPv4 /24, IPv6 /64) hashed with HMAC-SHA256 under {@code referral.fraud.network-key}. */
public final class HmacClientNetworks implements ClientNetworks {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("\\[?([0-9A-Fa-f:.]+)(%[^\\]]*)?]?");

    private final SecretKeySpec key;

    public HmacClientNetworks(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the network key must not be empty");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    @Override
    public Optional<String> hashOf(String address) {
        return prefix(address).map(this::hash);
    }

    /** The network part of an IP literal, tagged with its family; never resolves a host name. */
    static Optional<byte[]> prefix(String address) {
        String text = address == null ? "" : address.strip();
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] network = {4, 0, 0, 0};
            for (int i = 1; i <= 4; i++) {
                int part = Integer.parseInt(v4.group(i));
                if (part > 255) {
                    return Optional.empty();
                }
                if (i < 4) {
                    network[i] = (byte) part;
                }
            }
            return Optional.of(network);
        }
        Matcher v6 = IPV6.matcher(text);
        if (!v6.matches() || !v6.group(1).contains(":")) {
            return Optional.empty();
        }
        try {
            // A literal with a colon is parsed, never looked up.
            byte[] bytes = InetAddress.getByName(v6.group(1)).getAddress();
            if (bytes.length == 4) {
                return prefix(InetAddress.getByAddress(bytes).getHostAddress());
            }
            byte[] network = new byte[9];
            network[0] = 6;
            System.arraycopy(bytes, 0, network, 1, 8);
            return Optional.of(network);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private String hash(byte[] network) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(network));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            Arrays.fill(network, (byte) 0);
        }
    }
}
