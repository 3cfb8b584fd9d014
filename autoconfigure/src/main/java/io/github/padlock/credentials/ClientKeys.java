package io.github.padlock.credentials;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key the brute-force limiter counts a client under: its parsed address, never the raw string a request carried
 * (which, behind a misconfigured proxy, may be any header value of any length). An IPv4 address is its own key; an IPv6
 * address counts under its /64 prefix, since one host commonly holds a whole /64 and could otherwise change address
 * per guess. Anything that does not parse as an address literal is one shared key. No name is ever looked up: only
 * literals reach {@link InetAddress#getByName}.
 */
final class ClientKeys {

    /** The one key of every client whose address does not parse. */
    static final String UNPARSABLE = "unparsable";

    /** Longer than any IPv6 literal with a zone: not an address. */
    private static final int MAX_LENGTH = 64;

    private ClientKeys() {
    }

    static String of(String address) {
        if (address.isEmpty() || address.length() > MAX_LENGTH) {
            return UNPARSABLE;
        }
        String ipv4 = ipv4(address);
        if (ipv4 != null) {
            return ipv4;
        }
        String literal = (address.startsWith("[") && address.endsWith("]"))
                ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.indexOf(':') < 0 || !isIpv6Alphabet(literal)) {
            return UNPARSABLE;
        }
        try {
            // A string of hexadecimal digits, colons and dots that holds a colon is parsed as an IPv6 literal, or
            // refused: InetAddress never looks such a string up.
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet4Address) {
                return parsed.getHostAddress();
            }
            if (parsed instanceof Inet6Address) {
                return prefix64(parsed.getAddress());
            }
            return UNPARSABLE;
        }
        catch (UnknownHostException ex) {
            return UNPARSABLE;
        }
    }

    /** A dotted-quad IPv4 address (four decimal octets, at most three digits each), normalized; else {@code null}. */
    private static String ipv4(String address) {
        int[] octets = new int[4];
        int octet = 0;
        int digits = 0;
        int value = 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            }
            else if (c == '.' && digits > 0 && octet < 3) {
                octets[octet++] = value;
                digits = 0;
                value = 0;
            }
            else {
                return null;
            }
        }
        if (octet != 3 || digits == 0) {
            return null;
        }
        octets[3] = value;
        return octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
    }

    private static boolean isIpv6Alphabet(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String prefix64(byte[] address) {
        StringBuilder key = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString(((address[i] & 0xff) << 8) | (address[i + 1] & 0xff))).append(':');
        }
        return key.append(":/64").toString();
    }
}
