import Foundation
import GRDB
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// The container records: one SQLite database (WAL, through GRDB) under the storage root,
/// shared by every `strata` process and monitor. Writers take an IMMEDIATE transaction, so
/// a read-then-write (a name check, a state change) is never interleaved with another
/// process's; readers never block writers.
public final class ContainerStore: Sendable {
    let pool: DatabasePool
    public let path: String

    public init(path: String) throws(StrataError) {
        self.path = path
        var configuration = Configuration()
        // Other processes hold the write lock for milliseconds; waiting beats failing.
        configuration.busyMode = .timeout(30)
        configuration.label = "strata"
        // GRDB's migrator checks, then creates, in two steps: two processes opening a new
        // database at once would both create the table. One flock orders them.
        let lock = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw StrataError.system("open", path + ".lock") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StrataError("open", "container database \(path)", reason: "\(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "container") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull().unique()
                t.column("config", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("state", .text).notNull()
                t.column("pid", .integer).notNull()
                t.column("monitorPid", .integer).notNull()
                t.column("startedAt", .double)
                t.column("finishedAt", .double)
                t.column("exitCode", .integer)
                t.column("restartCount", .integer).notNull()
                t.column("stopRequested", .boolean).notNull()
                t.column("health", .text).notNull()
                t.column("healthFailingStreak", .integer).notNull()
                t.column("healthLog", .text).notNull()
                t.column("error", .text).notNull()
            }
        }
        return migrator
    }

    /// A write transaction taken at once (BEGIN IMMEDIATE).
    func write<T>(_ what: String, _ body: (Database) throws -> T) throws(StrataError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StrataError(what, "container database", reason: "no result") }
                return result
            }
        } catch let error as StrataError {
            throw error
        } catch {
            throw StrataError(what, "container database \(path)", reason: "\(error)")
        }
    }

    func read<T>(_ what: String, _ body: (Database) throws -> T) throws(StrataError) -> T {
        do {
            return try pool.read(body)
        } catch let error as StrataError {
            throw error
        } catch {
            throw StrataError(what, "container database \(path)", reason: "\(error)")
        }
    }

    /// Adds a new record; a taken name is an error naming it and its owner.
    public func insert(_ record: ContainerRecord) throws(StrataError) {
        try write("create container") { db in
            if let other = try ContainerRecord.filter(Column("name") == record.name).fetchOne(db) {
                throw StrataError("create container", record.name,
                                  reason: "the name is already in use by container \(other.shortID); remove it or pick another name")
            }
            try record.insert(db)
        }
    }

    /// Every record, newest first.
    public func all() throws(StrataError) -> [ContainerRecord] {
        try read("list containers") { db in
            try ContainerRecord.order(Column("createdAt").desc).fetchAll(db)
        }
    }

    /// The record with this exact id, if any.
    public func record(id: String) throws(StrataError) -> ContainerRecord? {
        try read("read container") { db in try ContainerRecord.fetchOne(db, key: id) }
    }

    /// Finds a container as Docker does: full id, exact name, then a unique id prefix.
    public func find(_ reference: String) throws(StrataError) -> ContainerRecord {
        let found: Result<ContainerRecord, StrataError> = try read("find container") { db in
            if let hit = try ContainerRecord.fetchOne(db, key: reference) { return .success(hit) }
            if let hit = try ContainerRecord.filter(Column("name") == reference).fetchOne(db) { return .success(hit) }
            guard !reference.isEmpty, reference.allSatisfy(\.isHexDigit) else {
                return .failure(Self.noSuch(reference))
            }
            let hits = try ContainerRecord.filter(Column("id").like(reference.lowercased() + "%")).limit(2).fetchAll(db)
            switch hits.count {
            case 1: return .success(hits[0])
            case 0: return .failure(Self.noSuch(reference))
            default:
                return .failure(StrataError("find container", reference,
                                            reason: "the id prefix matches more than one container; give more digits"))
            }
        }
        return try found.get()
    }

    static func noSuch(_ reference: String) -> StrataError {
        StrataError.message("no such container: \(reference)")
    }

    /// Reads, changes and writes one record in a single transaction. Returns the new value;
    /// throws "no such container" when it was removed meanwhile.
    @discardableResult
    public func update(_ id: String, _ change: (inout ContainerRecord) throws -> Void) throws(StrataError) -> ContainerRecord {
        try write("update container") { db in
            guard var record = try ContainerRecord.fetchOne(db, key: id) else { throw Self.noSuch(id) }
            try change(&record)
            try record.update(db)
            return record
        }
    }

    /// Deletes the record; true when there was one.
    @discardableResult
    public func delete(_ id: String) throws(StrataError) -> Bool {
        try write("remove container") { db in try ContainerRecord.deleteOne(db, key: id) }
    }
}
