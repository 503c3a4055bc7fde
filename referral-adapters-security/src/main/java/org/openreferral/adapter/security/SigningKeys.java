package org.openreferral.adapter.security;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The ES256 (EC P-256) key pair that signs and verifies access tokens: loaded from configured PEM files, or
 * generated once into {@code ${referral.data-dir}/keys} and reused on later starts; plus the public keys of earlier
 * pairs, which still verify the tokens they signed (rotation: each token names its key by {@code kid}).
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final String CURVE = "secp256r1";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;
    private final Map<String, ECPublicKey> verificationKeys;

    @Inject
    public SigningKeys(JwtConfig config,
                       @ConfigProperty(name = "referral.data-dir", defaultValue = "./data") String dataDir) {
        this(config.privateKeyLocation().map(Path::of), config.publicKeyLocation().map(Path::of), Path.of(dataDir),
                config.previousPublicKeyLocations().orElse(List.of()).stream().map(Path::of).toList());
    }

    SigningKeys(Optional<Path> privateKeyLocation, Optional<Path> publicKeyLocation, Path dataDir) {
        this(privateKeyLocation, publicKeyLocation, dataDir, List.of());
    }

    SigningKeys(Optional<Path> privateKeyLocation, Optional<Path> publicKeyLocation, Path dataDir,
                List<Path> previousPublicKeys) {
        KeyPair pair;
        String source;
        if (privateKeyLocation.isPresent() && publicKeyLocation.isPresent()) {
            pair = load(privateKeyLocation.get(), publicKeyLocation.get());
            source = "loaded from the configured files " + privateKeyLocation.get().toAbsolutePath() + " and "
                    + publicKeyLocation.get().toAbsolutePath();
        } else if (privateKeyLocation.isPresent() || publicKeyLocation.isPresent()) {
            throw new IllegalStateException("Set both referral.jwt.private-key-location and "
                    + "referral.jwt.public-key-location, or neither (to use a key pair generated under referral.data-dir)");
        } else {
            Path keysDir = dataDir.resolve("keys");
            boolean existed = Files.exists(keysDir.resolve(PRIVATE_KEY_FILE));
            pair = loadOrGenerate(keysDir);
            source = (existed ? "loaded the pair generated earlier in " : "generated a new pair in ")
                    + keysDir.toAbsolutePath().normalize();
        }
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = thumbprint((ECPublicKey) publicKey);
        LOG.infof("JWT signing keys (ES256, kid %s): %s", keyId, source);
        Map<String, ECPublicKey> verifying = new LinkedHashMap<>();
        verifying.put(keyId, (ECPublicKey) publicKey);
        for (Path file : previousPublicKeys) {
            ECPublicKey previous = loadPublic(file);
            if (verifying.putIfAbsent(thumbprint(previous), previous) == null) {
                LOG.infof("JWT tokens signed by the earlier key %s (kid %s) are still accepted", file,
                        thumbprint(previous));
            }
        }
        this.verificationKeys = Map.copyOf(verifying);
    }

    /** The key that verifies token signatures. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** Whether earlier keys still verify tokens (a rotation is under way). */
    public boolean hasEarlierKeys() {
        return verificationKeys.size() > 1;
    }

    /**
     * Every key that verifies tokens, the current one and the earlier ones, as a JWK Set whose {@code kid}s are the
     * thumbprints the issuer writes: SmallRye JWT picks the key a token names.
     */
    public String verificationJwks() {
        Base64.Encoder b64url = Base64.getUrlEncoder().withoutPadding();
        return verificationKeys.entrySet().stream()
                .map(key -> "{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\""
                        + key.getKey()
                        + "\",\"x\":\"" + b64url.encodeToString(coordinate(key.getValue().getW().getAffineX()))
                        + "\",\"y\":\"" + b64url.encodeToString(coordinate(key.getValue().getW().getAffineY())) + "\"}")
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    /** The {@code kid} header: RFC 7638 JWK SHA-256 thumbprint of the public key. */
    public String keyId() {
        return keyId;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    private static KeyPair loadOrGenerate(Path keysDir) {
        Path privateFile = keysDir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = keysDir.resolve(PUBLIC_KEY_FILE);
        requireOnlyOwnerCanChange(keysDir);
        requireOnlyOwnerCanChange(privateFile);
        requireOnlyOwnerCanChange(publicFile);
        if (Files.exists(privateFile)) {
            if (!Files.exists(publicFile)) {
                // The public key is written first, so this is not a crash during generation: someone removed it.
                throw new IllegalStateException("Found " + privateFile + " but not " + publicFile
                        + "; restore the public key, or delete the private key to have a new pair generated");
            }
            warnIfReadableByOthers(privateFile);
            return load(privateFile, publicFile);
        }
        KeyPair pair = generate();
        try {
            createKeysDir(keysDir);
            writeAtomically(publicFile, pem(PUBLIC_LABEL, pair.getPublic().getEncoded()), PUBLIC_FILE);
            writeAtomically(privateFile, pem(PRIVATE_LABEL, pair.getPrivate().getEncoded()), OWNER_ONLY_FILE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the generated JWT key pair to " + keysDir.toAbsolutePath()
                    + "; make referral.data-dir writable or configure referral.jwt.private-key-location and "
                    + "referral.jwt.public-key-location", e);
        }
        return pair;
    }

    private static KeyPair load(Path privateFile, Path publicFile) {
        KeyPair pair;
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            PrivateKey privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(readPem(privateFile, PRIVATE_LABEL)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(readPem(publicFile, PUBLIC_LABEL)));
            pair = new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the JWT key pair from " + privateFile + " and " + publicFile
                    + ": expected PEM PKCS#8 (BEGIN PRIVATE KEY) and X.509 (BEGIN PUBLIC KEY) EC P-256 keys", e);
        }
        checkIsMatchingP256Pair(pair, privateFile, publicFile);
        return pair;
    }

    private static ECPublicKey loadPublic(Path file) {
        try {
            PublicKey key = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(readPem(file, PUBLIC_LABEL)));
            if (key instanceof ECPublicKey ec && isP256(ec.getParams())) {
                return ec;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the earlier JWT public key " + file.toAbsolutePath()
                    + ": expected a PEM X.509 (BEGIN PUBLIC KEY) EC P-256 key", e);
        }
        throw new IllegalStateException("The earlier JWT public key " + file.toAbsolutePath()
                + " must be an EC key on curve P-256 (secp256r1) for ES256");
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key pair", e);
        }
    }

    private static void checkIsMatchingP256Pair(KeyPair pair, Path privateFile, Path publicFile) {
        if (!(pair.getPrivate() instanceof ECPrivateKey priv) || !(pair.getPublic() instanceof ECPublicKey pub)
                || !isP256(priv.getParams()) || !isP256(pub.getParams())) {
            throw new IllegalStateException("The JWT keys in " + privateFile + " and " + publicFile
                    + " must be EC keys on curve P-256 (secp256r1) for ES256");
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("The JWT public key in " + publicFile
                        + " does not belong to the private key in " + privateFile);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot check the JWT key pair in " + privateFile + " and " + publicFile, e);
        }
    }

    private static boolean isP256(ECParameterSpec params) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(CURVE));
            ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
            return params.getCurve().equals(p256.getCurve()) && params.getOrder().equals(p256.getOrder())
                    && params.getGenerator().equals(p256.getGenerator());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this JVM", e);
        }
    }

    static String thumbprint(ECPublicKey key) {
        Base64.Encoder b64url = Base64.getUrlEncoder().withoutPadding();
        // RFC 7638: the required members of the JWK, in lexicographic order, without whitespace.
        String jwk = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + b64url.encodeToString(coordinate(key.getW().getAffineX()))
                + "\",\"y\":\"" + b64url.encodeToString(coordinate(key.getW().getAffineY())) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8));
            return b64url.encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, fixed.length);
        System.arraycopy(raw, raw.length - copy, fixed, fixed.length - copy, copy);
        return fixed;
    }

    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] readPem(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the JWT key file " + file.toAbsolutePath(), e);
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            String hint = text.contains("BEGIN EC PRIVATE KEY")
                    ? " (it is a SEC1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out pkcs8.pem)"
                    : "";
            throw new IllegalStateException("The JWT key file " + file.toAbsolutePath() + " has no '" + begin + "' block"
                    + hint);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static void createKeysDir(Path keysDir) throws IOException {
        Path parent = keysDir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!Files.isDirectory(keysDir)) {
            Files.createDirectory(keysDir, posixAttributes(keysDir.toAbsolutePath().getParent(), OWNER_ONLY_DIR));
        }
    }

    /** Writes a temporary sibling, forces it to disk and renames it, so a crash never leaves half a key. */
    private static void writeAtomically(Path target, String content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", posixAttributes(dir, permissions));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] posixAttributes(Path dir, Set<PosixFilePermission> permissions) {
        if (dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
        }
        return new FileAttribute<?>[0];
    }

    /**
     * Refuses a generated key path that someone else could have planted or changed: a symbolic link, or a file or
     * directory that group or others may write. (Configured key files are the operator's: Kubernetes mounts secrets
     * as symbolic links.)
     */
    private static void requireOnlyOwnerCanChange(Path path) {
        Path absolute = path.toAbsolutePath();
        if (Files.isSymbolicLink(path)) {
            throw new IllegalStateException("Refusing the JWT key path " + absolute + ": it is a symbolic link. Keep "
                    + "the generated keys as regular files under referral.data-dir, or configure "
                    + "referral.jwt.private-key-location and referral.jwt.public-key-location");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                || !path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the permissions of the JWT key path " + absolute, e);
        }
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalStateException("Refusing the JWT key path " + absolute + ": other users may change it ("
                    + PosixFilePermissions.toString(permissions) + "); chmod go-w it after checking that its keys are"
                    + " yours, or delete the keys directory to have a new pair generated");
        }
    }

    private static void warnIfReadableByOthers(Path privateFile) {
        if (!privateFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(privateFile);
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                LOG.warnf("JWT private key %s is accessible to other users (%s); chmod 600 it",
                        privateFile.toAbsolutePath(), PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            LOG.debugf(e, "Cannot read the permissions of %s", privateFile);
        }
    }
}
