package org.conflictledger.transparency;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();
    /** The leaves and tree heads of RFC 6962's reference tests (Certificate Transparency's merkle tree tests). */
    private static final String[] ENTRIES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static List<byte[]> referenceLeaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (String entry : ENTRIES) {
            leaves.add(MerkleTree.leafHash(HEX.parseHex(entry)));
        }
        return leaves;
    }

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleTree.leafHash(new byte[]{(byte) i, (byte) (i >> 8), 7}));
        }
        return leaves;
    }

    @Test
    void treeHeadsAreRfc6962s() {
        List<byte[]> leaves = referenceLeaves();
        MerkleTree tree = new MerkleTree(i -> leaves.get((int) i));
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.rootHash(size))).as("size %d", size).isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void inclusionProofsAreRfc6962s() {
        List<byte[]> leaves = referenceLeaves();
        MerkleTree tree = new MerkleTree(i -> leaves.get((int) i));
        assertThat(tree.inclusionProof(0, 8)).extracting(HEX::formatHex).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(tree.inclusionProof(5, 8)).extracting(HEX::formatHex).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void everyInclusionProofVerifiesAndNoOtherLeafOrRootDoes() {
        List<byte[]> leaves = leaves(70);
        MerkleTree tree = new MerkleTree(i -> leaves.get((int) i));
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = tree.rootHash(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = tree.inclusionProof(index, size);
                assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, path, root))
                        .as("leaf %d of %d", index, size).isTrue();
                int other = (index + 1) % size;
                if (other != index) {
                    assertThat(MerkleTree.verifyInclusion(leaves.get(other), index, size, path, root)).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, path, tree.rootHash(size - 1)))
                        .isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndAChangedEarlierLeafDoesNot() {
        List<byte[]> leaves = leaves(70);
        MerkleTree tree = new MerkleTree(i -> leaves.get((int) i));
        List<byte[]> altered = new ArrayList<>(leaves);
        altered.set(3, MerkleTree.leafHash(new byte[]{42}));
        MerkleTree rewritten = new MerkleTree(i -> altered.get((int) i));
        for (int second = 1; second <= leaves.size(); second++) {
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = tree.consistencyProof(first, second);
                assertThat(MerkleTree.verifyConsistency(first, second, tree.rootHash(first), tree.rootHash(second),
                        proof)).as("%d → %d", first, second).isTrue();
                if (first > 3) {
                    // the rewritten log's proof and head do not extend the head the client kept
                    assertThat(MerkleTree.verifyConsistency(first, second, tree.rootHash(first),
                            rewritten.rootHash(second), rewritten.consistencyProof(first, second)))
                            .as("rewritten %d → %d", first, second).isFalse();
                }
            }
        }
    }

    @Test
    void aProofOfTheWrongShapeIsRefused() {
        List<byte[]> leaves = leaves(9);
        MerkleTree tree = new MerkleTree(i -> leaves.get((int) i));
        List<byte[]> proof = new ArrayList<>(tree.consistencyProof(3, 9));
        proof.remove(proof.size() - 1);
        assertThat(MerkleTree.verifyConsistency(3, 9, tree.rootHash(3), tree.rootHash(9), proof)).isFalse();
        assertThat(MerkleTree.verifyConsistency(9, 3, tree.rootHash(9), tree.rootHash(3), List.of())).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaves.get(0), 9, 9, tree.inclusionProof(0, 9), tree.rootHash(9)))
                .isFalse();
    }

    @Test
    void completeSubtreesAreReadOnce() {
        List<byte[]> leaves = leaves(1000);
        AtomicLong reads = new AtomicLong();
        MerkleTree tree = new MerkleTree(i -> {
            reads.incrementAndGet();
            return leaves.get((int) i);
        });
        tree.rootHash(1000);
        long first = reads.get();
        tree.rootHash(1000);
        tree.inclusionProof(500, 1000);
        assertThat(first).isEqualTo(1000);
        assertThat(reads.get() - first).isLessThan(3L * MerkleTree.CACHED_FROM);
    }
}
