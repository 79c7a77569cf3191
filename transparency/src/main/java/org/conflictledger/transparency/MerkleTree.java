package org.conflictledger.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The Merkle tree of an append-only log as RFC 9162 (Certificate Transparency 2.0, section 2.1) defines it: the
 * tree head of any size, inclusion proofs (this leaf is the log's n-th entry under that head) and consistency
 * proofs (the tree of size n extends the tree of size m: nothing before m changed), and their verification.
 *
 * <p>A tree reads leaf hashes by position. Leaves never change once appended, so the hashes of complete subtrees
 * of {@value #CACHED_FROM} leaves and more are kept once computed: a head or proof then costs about
 * {@code log2(n)} cached subtrees plus at most {@value #CACHED_FROM} leaf reads per level.
 */
public final class MerkleTree {
    static final int CACHED_FROM = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private final LongFunction<byte[]> leafHashes;
    private final Map<Long, byte[]> completeSubtrees = new ConcurrentHashMap<>();

    /** @param leafHashes the hash of the leaf at a position; asked only for positions below the sizes used */
    public MerkleTree(LongFunction<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    /** The hash of a log entry: SHA-256 of 0x00 followed by the entry. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha = HashChain.sha256();
        sha.update(LEAF_PREFIX);
        return sha.digest(entry);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = HashChain.sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        return sha.digest(right);
    }

    /** The tree head (root hash) of the first {@code size} leaves. */
    public byte[] rootHash(long size) {
        if (size == 0) {
            return HashChain.sha256().digest();
        }
        return subtree(0, size);
    }

    /** The audit path of the leaf at {@code index} in the tree of {@code size} leaves, from the leaf up. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        inclusionPath(index, 0, size, path);
        return path;
    }

    /** The proof that the tree of {@code second} leaves extends the tree of {@code first} leaves. */
    public List<byte[]> consistencyProof(long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("a tree of " + first + " cannot be extended by one of " + second);
        }
        List<byte[]> path = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, path);
        }
        return path;
    }

    private void inclusionPath(long index, long start, long size, List<byte[]> path) {
        if (size == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (index < k) {
            inclusionPath(index, start, k, path);
            path.add(subtree(start + k, size - k));
        } else {
            inclusionPath(index - k, start + k, size - k, path);
            path.add(subtree(start, k));
        }
    }

    private void subproof(long m, long start, long size, boolean wholeFirstTree, List<byte[]> path) {
        if (m == size) {
            if (!wholeFirstTree) {
                path.add(subtree(start, size));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (m <= k) {
            subproof(m, start, k, wholeFirstTree, path);
            path.add(subtree(start + k, size - k));
        } else {
            subproof(m - k, start + k, size - k, false, path);
            path.add(subtree(start, k));
        }
    }

    private byte[] subtree(long start, long size) {
        if (size == 1) {
            return leafHashes.apply(start);
        }
        boolean complete = Long.bitCount(size) == 1;
        if (complete && size >= CACHED_FROM) {
            Long key = start * 2 + size; // unique: start is a multiple of size for a complete subtree
            byte[] cached = completeSubtrees.get(key);
            if (cached == null) {
                cached = split(start, size);
                completeSubtrees.put(key, cached);
            }
            return cached;
        }
        return split(start, size);
    }

    private byte[] split(long start, long size) {
        long k = largestPowerOfTwoBelow(size);
        return nodeHash(subtree(start, k), subtree(start + k, size - k));
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** Whether {@code path} proves that {@code leafHash} is the leaf at {@code index} of the tree {@code root}. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** Whether {@code path} proves that the tree {@code secondRoot} of {@code second} leaves extends {@code firstRoot}. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> path) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return path.isEmpty();
        }
        if (path.isEmpty()) {
            return false;
        }
        List<byte[]> nodes = new ArrayList<>(path);
        if (Long.bitCount(first) == 1) {
            nodes.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = nodes.get(0);
        byte[] sr = nodes.get(0);
        for (byte[] c : nodes.subList(1, nodes.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }
}
