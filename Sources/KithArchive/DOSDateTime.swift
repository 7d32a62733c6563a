import Foundation

/// The MS-DOS date and time every ZIP header carries: two-second resolution, years 1980 to
/// 2107, and no time zone. Kith reads and writes them as UTC, so an archive written from a
/// given `Date` has the same bytes on every machine (reproducible builds read
/// `SOURCE_DATE_EPOCH` the same way), and reading it back gives the same `Date`.
struct DOSDateTime: Equatable {
    var date: UInt16
    var time: UInt16

    private static let earliest = 315_532_800 // 1980-01-01T00:00:00Z
    private static let latest = 4_354_819_198 // 2107-12-31T23:59:58Z

    /// The date and time of `instant` in UTC, clamped to the range DOS can hold and rounded down
    /// to an even second.
    init(_ instant: Date) {
        let seconds = instant.timeIntervalSince1970
        let clamped = seconds.isNaN ? Self.earliest : Int(max(Double(Self.earliest), min(Double(Self.latest), seconds.rounded(.down))))
        let (days, secondOfDay) = clamped.quotientAndRemainder(dividingBy: 86_400)
        let (year, month, day) = Self.civil(fromDays: days)
        date = UInt16((year - 1980) << 9 | month << 5 | day)
        time = UInt16((secondOfDay / 3600) << 11 | (secondOfDay % 3600 / 60) << 5 | (secondOfDay % 60 / 2))
    }

    init(date: UInt16, time: UInt16) {
        self.date = date
        self.time = time
    }

    /// The instant, read as UTC; nil when a field is out of range (month 0, 25 o'clock…), as in
    /// archives whose writer left the fields zero.
    var instant: Date? {
        let year = Int(date >> 9) + 1980
        let month = Int(date >> 5 & 0x0F)
        let day = Int(date & 0x1F)
        let hour = Int(time >> 11)
        let minute = Int(time >> 5 & 0x3F)
        let second = Int(time & 0x1F) * 2
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = Self.days(fromCivil: year, month, day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(fromCivil:)`.
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
