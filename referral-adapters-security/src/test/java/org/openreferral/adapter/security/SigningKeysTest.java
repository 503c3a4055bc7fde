package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import java.util.stream.Stream;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesAKeyPairIntoTheDataDirOnFirstUse() throws Exception {
        SigningKeys keys = generated();

        Path keysDir = dataDir.resolve("keys");
        assertThat(keysDir.resolve("jwt-private.pem")).content(StandardCharsets.US_ASCII)
                .startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(keysDir.resolve("jwt-public.pem")).content(StandardCharsets.US_ASCII)
                .startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(keys.publicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) keys.publicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        try (Stream<Path> files = Files.list(keysDir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary file is left behind")
                    .containsExactlyInAnyOrder("jwt-private.pem", "jwt-public.pem");
        }
    }

    @Test
    void theGeneratedPrivateKeyIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));

        generated();

        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("keys").resolve("jwt-private.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aSecondStartLoadsTheKeyGeneratedByTheFirst() throws Exception {
        SigningKeys first = generated();
        String privatePem = Files.readString(dataDir.resolve("keys").resolve("jwt-private.pem"));

        SigningKeys second = generated();

        assertThat(second.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
        assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(Files.readString(dataDir.resolve("keys").resolve("jwt-private.pem"))).isEqualTo(privatePem);
    }

    @Test
    void theGeneratedPrivateKeySignsWhatThePublicKeyVerifies() throws Exception {
        SigningKeys keys = generated();

        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.privateKey());
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(keys.publicKey());
        verifier.update(new byte[] {1, 2, 3});

        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void configuredPemLocationsAreUsedInsteadOfGeneratingKeys() throws Exception {
        KeyPair pair = newP256Pair();
        Path privateFile = Files.writeString(dataDir.resolve("configured-private.pem"),
                SigningKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Path publicFile = Files.writeString(dataDir.resolve("configured-public.pem"),
                SigningKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        SigningKeys keys = new SigningKeys(Optional.of(privateFile), Optional.of(publicFile), dataDir.resolve("data"));

        assertThat(keys.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(keys.privateKey().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(dataDir.resolve("data")).doesNotExist();
    }

    @Test
    void configuredKeysThatAreNotOnePairAreRefused() throws Exception {
        Path privateFile = Files.writeString(dataDir.resolve("private.pem"),
                SigningKeys.pem("PRIVATE KEY", newP256Pair().getPrivate().getEncoded()));
        Path publicFile = Files.writeString(dataDir.resolve("public.pem"),
                SigningKeys.pem("PUBLIC KEY", newP256Pair().getPublic().getEncoded()));

        assertThatThrownBy(() -> new SigningKeys(Optional.of(privateFile), Optional.of(publicFile), dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void configuredKeysOnAnotherCurveAreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = generator.generateKeyPair();
        Path privateFile = Files.writeString(dataDir.resolve("private.pem"),
                SigningKeys.pem("PRIVATE KEY", p384.getPrivate().getEncoded()));
        Path publicFile = Files.writeString(dataDir.resolve("public.pem"),
                SigningKeys.pem("PUBLIC KEY", p384.getPublic().getEncoded()));

        assertThatThrownBy(() -> new SigningKeys(Optional.of(privateFile), Optional.of(publicFile), dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("P-256");
    }

    @Test
    void onlyOneConfiguredLocationIsRefused() {
        Path somewhere = dataDir.resolve("private.pem");

        assertThatThrownBy(() -> new SigningKeys(Optional.of(somewhere), Optional.empty(), dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("both");
    }

    @Test
    void aMissingConfiguredFileIsRefusedWithItsPath() {
        Path privateFile = dataDir.resolve("absent-private.pem");
        Path publicFile = dataDir.resolve("absent-public.pem");

        assertThatThrownBy(() -> new SigningKeys(Optional.of(privateFile), Optional.of(publicFile), dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absent-private.pem");
    }

    @Test
    void aGeneratedPrivateKeyWithoutItsPublicKeyIsNotSilentlyReplaced() throws Exception {
        generated();
        Path privateFile = dataDir.resolve("keys").resolve("jwt-private.pem");
        String before = Files.readString(privateFile);
        Files.delete(dataDir.resolve("keys").resolve("jwt-public.pem"));

        assertThatThrownBy(this::generated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jwt-public.pem");
        assertThat(Files.readString(privateFile)).isEqualTo(before);
    }

    @Test
    void aGeneratedKeyThatIsASymbolicLinkIsRefused() throws Exception {
        generated();
        Path privateFile = dataDir.resolve("keys").resolve("jwt-private.pem");
        Path elsewhere = Files.move(privateFile, dataDir.resolve("planted.pem"));
        Files.createSymbolicLink(privateFile, elsewhere);

        assertThatThrownBy(this::generated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(privateFile.toAbsolutePath().toString()).hasMessageContaining("symbolic link");
    }

    @Test
    void aKeysDirectoryThatIsASymbolicLinkIsRefused() throws Exception {
        generated();
        Path keysDir = dataDir.resolve("keys");
        Path elsewhere = Files.move(keysDir, dataDir.resolve("planted-keys"));
        Files.createSymbolicLink(keysDir, elsewhere);

        assertThatThrownBy(this::generated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aGeneratedKeyOthersMayChangeIsRefused() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        generated();
        Path publicFile = dataDir.resolve("keys").resolve("jwt-public.pem");
        Files.setPosixFilePermissions(publicFile, PosixFilePermissions.fromString("rw-rw-r--"));

        assertThatThrownBy(this::generated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(publicFile.toAbsolutePath().toString()).hasMessageContaining("chmod go-w");
    }

    @Test
    void aKeysDirectoryEveryoneMayWriteIsRefused() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        generated();
        Path keysDir = dataDir.resolve("keys");
        Files.setPosixFilePermissions(keysDir, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(this::generated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keysDir.toAbsolutePath().toString());
    }

    @Test
    void theKeyIdIsTheRfc7638ThumbprintOfThePublicKey() throws Exception {
        SigningKeys keys = generated();

        // jose4j's implementation serves as an independent reference.
        String expected = new EllipticCurveJsonWebKey((ECPublicKey) keys.publicKey())
                .calculateBase64urlEncodedThumbprint("SHA-256");
        assertThat(keys.keyId()).isEqualTo(expected).hasSize(43);
    }

    private SigningKeys generated() {
        return new SigningKeys(Optional.empty(), Optional.empty(), dataDir);
    }

    private static KeyPair newP256Pair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
