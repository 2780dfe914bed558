// The snapshot file's frame (match/snapshot.cc): "EMBARGO\x01", the format
// version (u32), the payload's size (u64) and checksum (u64), little-endian,
// then the payload. Shared with the snapshot fuzzer, which recomputes the
// frame around mutated payloads. Immutable constants and a pure function.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace embargo::match {

inline constexpr char kSnapshotMagic[8] = {'E', 'M', 'B', 'A', 'R', 'G', 'O', '\x01'};
// 2: entity topics; 3: former flags; 4: vessel facts, the built index;
// 5: FtM records whole; 6: CRC-32 checksum (FNV-1a before: 0.9 GB/s, 1.4 s
// of a million-entity snapshot's load; zlib's CRC-32 runs at 3 GB/s); 7: the
// index holds the readings of names' brackets (match/index.h); 8: and their
// readings in another transliteration convention (text/convention_readings.h);
// 9: the same layout, names analysed without a remark after them and with
// Arabic compounds written joined split (text/name_remarks.h, transliterate),
// and more readings: an Arabic organisation name's words in English and its
// construct state (text/arabic_org_words.h), a Korean name in Han or in
// Cyrillic read in Korean (text/hanja.h, text/korean_cyrillic.h); 10: the
// similar-token lookup table's arrays 8-byte aligned in the file, with its
// directory, so that a mapped snapshot uses them where they lie
// (match/flat_multimap.h); 11: the same layout, names in Arabic script
// analysed with آل (the family of) as its own word, not the article, and
// names in Somali orthography also read in English spellings
// (text/convention_readings.h); 12: the entities' and records' byte count
// before them, so that the index after them is read on another core
// meanwhile (the index's layout is 11's); 13: the checksum is XXH3-64
// (xxHash: 11 GB/s here, against zlib's CRC-32 at 2.1-2.6 GB/s, 0.5-0.65 s of
// a million-entity snapshot's load), and the entities' and records' byte
// count is the payload's last 8 bytes, so that the payload is written and
// its checksum worked out in one pass, nothing overwritten; 14: the same
// layout, tokens read from Arabic script folded with t before s or z as two
// letters (text/phonetic.h, FoldAbjad); 15: the same layout, a word in
// Arabic script read with one article at most (الالفي: al alfy, not al al fy;
// text/transliterate.h); 16: the index also holds what was worked out from
// the entities on every load (the countries firms' names name, the
// identifier lookup) and marks its Korean and Chinese syllables, so that a
// million entities' snapshot loads without ~0.2 s of that work; 17: the same
// layout, a firm's or vessel's name ending in a Roman numeral read with the
// number (MARIA III: maria 3; text/org_names.h); 18: the same layout, PMC
// read as private military company in firms' and bodies' names; 19: the
// same layout, "No." before a number in a firm's or vessel's name a
// connector (YU JONG NO.2: yu jong no 2, no weightless), airlines / air /
// airways one business word, Islamic Rep. of Iran read as Iran; 20: the
// same layout, St. / Sankt / Sint one word with Saint, an ain within a
// word of Arabic script read as an alef (معمر: mamr, not mmr); 21: the
// same layout, a legal form in brackets no short name of its own
// ("ASIA ENERGY GENERAL TRADING (LLC)": LLC).
// The lists of a snapshot older than kCurrentIndexSnapshotVersion are read,
// its index is rebuilt (it lacks readings the index now holds, or holds an
// older analysis of the names).
inline constexpr uint32_t kSnapshotFormatVersion = 21;
inline constexpr uint32_t kCurrentIndexSnapshotVersion = 21;
inline constexpr uint32_t kOldestReadableSnapshotVersion = 4;  // read as written

inline constexpr size_t kSnapshotVersionAt = 8;
inline constexpr size_t kSnapshotSizeAt = 12;
inline constexpr size_t kSnapshotChecksumAt = 20;
inline constexpr size_t kSnapshotPayloadAt = 28;

// The payload checksum a snapshot of `version` carries: XXH3-64 from version
// 13, CRC-32 (zlib) from version 6, FNV-1a 64 before.
uint64_t SnapshotChecksum(uint32_t version, std::string_view payload);

}  // namespace embargo::match
