import StrataSystem

/// The huge page sizes this kernel supports, named as runc names them in stats keys and
/// hugetlb file names ("2MB", "1GB").
enum HugePages {
    static func sizes(_ root: String = "/sys/kernel/mm/hugepages") -> [String] {
        // No hugetlb support in the kernel means no directory: no sizes, not an error.
        guard let names = try? Files.list(root) else { return [] }
        return names.compactMap(StatParsers.hugePageSizeName(directory:)).sorted()
    }
}
