package socketlabs.instructor;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import socketlabs.instructor.CodePolicy.Finding;
import socketlabs.instructor.CodePolicy.Ref;
import socketlabs.instructor.CodePolicy.Rule;

/** A class file, read as far as the policy needs: its constant pool, its methods' code, its source file. */
final class ClassFile {
    private Object[] pool;
    private int[] tags;
    String name;
    String sourceFile;
    private final List<String> methodNames = new ArrayList<>();
    private final List<BitSet> methodRefs = new ArrayList<>();
    private final List<Boolean> methodIsMain = new ArrayList<>();
    private final Set<String> descriptorTypes = new LinkedHashSet<>();

    static ClassFile read(byte[] bytes) throws IOException {
        ClassFile c = new ClassFile();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int n = in.readUnsignedShort();
        c.pool = new Object[n];
        c.tags = new int[n];
        for (int i = 1; i < n; i++) {
            int tag = in.readUnsignedByte();
            c.tags[i] = tag;
            switch (tag) {
                case 1 -> c.pool[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> c.pool[i] = new int[] {in.readUnsignedShort()};
                case 9, 10, 11, 12, 17, 18 -> c.pool[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> c.pool[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
                default -> throw new IOException("unknown constant tag " + tag);
            }
        }
        in.readUnsignedShort();
        c.name = c.className(in.readUnsignedShort());
        in.readUnsignedShort();
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            in.readUnsignedShort();
        }
        for (int kind = 0; kind < 2; kind++) {
            int members = in.readUnsignedShort();
            for (int m = 0; m < members; m++) {
                int access = in.readUnsignedShort();
                String memberName = c.utf(in.readUnsignedShort());
                String descriptor = c.utf(in.readUnsignedShort());
                c.typesIn(descriptor);
                BitSet used = new BitSet();
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attr = c.utf(in.readUnsignedShort());
                    byte[] body = new byte[in.readInt()];
                    in.readFully(body);
                    if (kind == 1 && attr.equals("Code")) {
                        c.codeRefs(body, used);
                    }
                }
                if (kind == 1) {
                    c.methodNames.add(memberName);
                    c.methodRefs.add(used);
                    c.methodIsMain.add(memberName.equals("main") && descriptor.equals("([Ljava/lang/String;)V") && (access & 0x0008) != 0);
                }
            }
        }
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String attr = c.utf(in.readUnsignedShort());
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            if (attr.equals("SourceFile")) {
                c.sourceFile = c.utf(((body[0] & 0xff) << 8) | (body[1] & 0xff));
            }
        }
        return c;
    }

    private String utf(int index) {
        return (String) pool[index];
    }

    private String className(int classIndex) {
        return utf(((int[]) pool[classIndex])[0]);
    }

    /** The class or member a constant refers to, or null for constants that name none. */
    private Ref ref(int index) {
        if (index <= 0 || index >= pool.length) {
            return null;
        }
        switch (tags[index]) {
            case 7: {
                String n = className(index);
                return new Ref(n.startsWith("[") ? elementType(n) : n, null);
            }
            case 9: case 10: case 11: {
                int[] r = (int[]) pool[index];
                String owner = className(r[0]);
                int[] nat = (int[]) pool[r[1]];
                return new Ref(owner.startsWith("[") ? elementType(owner) : owner, utf(nat[0]));
            }
            case 15:
                return ref(((int[]) pool[index])[1]);
            default:
                return null;
        }
    }

    private static String elementType(String array) {
        String t = array.replaceFirst("^\\[+", "");
        return t.startsWith("L") ? t.substring(1, t.length() - 1) : t;
    }

    private void typesIn(String descriptor) {
        for (int i = descriptor.indexOf('L'); i >= 0; i = descriptor.indexOf('L', i + 1)) {
            int end = descriptor.indexOf(';', i);
            if (end < 0) {
                return;
            }
            descriptorTypes.add(descriptor.substring(i + 1, end));
            i = end;
        }
    }

    /** Marks the constants a method's bytecode uses. */
    private void codeRefs(byte[] code, BitSet used) {
        int length = ((code[4] & 0xff) << 24) | ((code[5] & 0xff) << 16) | ((code[6] & 0xff) << 8) | (code[7] & 0xff);
        int base = 8;
        int pc = 0;
        while (pc < length) {
            int op = code[base + pc] & 0xff;
            switch (op) {
                case 0x12 -> used.set(code[base + pc + 1] & 0xff);
                case 0x13, 0x14, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xbb, 0xbd, 0xc0, 0xc1, 0xc5 ->
                        used.set(u2(code, base + pc + 1));
                case 0xba -> used.set(u2(code, base + pc + 1)); // the call site: its bootstrap is checked with the pool
                default -> {
                }
            }
            pc += length(code, base, pc);
        }
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static int s4(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** The length of the instruction at {@code pc}, from the JVM specification's table. */
    private static int length(byte[] code, int base, int pc) {
        int op = code[base + pc] & 0xff;
        if (op == 0xaa || op == 0xab) {
            int at = pc + 1 + ((4 - (pc + 1) % 4) % 4);
            if (op == 0xaa) {
                int low = s4(code, base + at + 4);
                int high = s4(code, base + at + 8);
                return at - pc + 12 + 4 * (high - low + 1);
            }
            return at - pc + 8 + 8 * s4(code, base + at + 4);
        }
        if (op == 0xc4) {
            return (code[base + pc + 1] & 0xff) == 0x84 ? 6 : 4;
        }
        if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3a) || op == 0xa9 || op == 0xbc) {
            return 2;
        }
        if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xa8) || (op >= 0xb2 && op <= 0xb8)
                || op == 0xbb || op == 0xbd || op == 0xc0 || op == 0xc1 || op == 0xc6 || op == 0xc7) {
            return 3;
        }
        if (op == 0xc5) {
            return 4;
        }
        if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
            return 5;
        }
        return 1;
    }

    /** Every rule a reference of this class breaks, each with the method that made it (or "class" for the rest). */
    List<Finding> findings() {
        Set<Finding> out = new LinkedHashSet<>();
        String shortName = name.replace('/', '.');
        BitSet inCode = new BitSet();
        for (int m = 0; m < methodNames.size(); m++) {
            BitSet used = methodRefs.get(m);
            inCode.or(used);
            String where = shortName + "." + methodNames.get(m);
            for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
                Ref r = ref(i);
                if (tags[i] == 18) {
                    r = bootstrapOf(i);
                }
                if (r != null) {
                    match(where, r, methodIsMain.get(m), out);
                }
            }
        }
        // the rest of the pool (method handles in bootstrap arguments, types in signatures): the class answers for it
        for (int i = 1; i < pool.length; i++) {
            if (!inCode.get(i) && tags[i] != 7 && tags[i] != 18) {
                Ref r = ref(i);
                if (r != null && !CodePolicy.JAVAC_BOOTSTRAPS.contains(r.owner())) {
                    match(shortName, r, false, out);
                }
            }
        }
        for (String t : descriptorTypes) {
            match(shortName, new Ref(t, null), false, out);
        }
        return new ArrayList<>(out);
    }

    private Ref bootstrapOf(int indy) {
        return null; // the bootstrap's method handle is in the pool, checked with the rest of it
    }

    private static void match(String where, Ref r, boolean inMain, Set<Finding> out) {
        for (Rule rule : CodePolicy.RULES) {
            if (rule.matches().test(r) && !(inMain && rule.says().startsWith("ends the JVM"))) {
                out.add(new Finding(where, rule, r));
            }
        }
    }
}
