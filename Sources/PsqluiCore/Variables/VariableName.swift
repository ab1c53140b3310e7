/// psql's rule for variable names (`valid_variable_name`): not empty; ASCII
/// letters, digits and `_`, or any non-ASCII byte.
public enum VariableName {
    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { b in
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == 0x5f
        }
    }
}
