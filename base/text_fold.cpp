#include "base/text_fold.hpp"

#include <array>
#include <cstddef>

#include "base/utf8.hpp"

namespace mk {

namespace {

// The folded forms of U+00C0..U+024F (Latin-1 Supplement, Latin Extended-A and -B) and of
// U+1E00..U+1EFF (Latin Extended Additional: Vietnamese and transliterations), eight code points a
// row; nullptr marks a separator (the multiplication and division signs). Letters with no sensible
// base letter keep their lowercase form. Pinned: changing an entry breaks every stored blind index.
// clang-format off
constexpr std::array<const char*, 0x250 - 0xC0> kLatin = {
    /* U+00C0 ÀÁÂÃÄÅÆÇ */ "a", "a", "a", "a", "a", "a", "ae", "c",
    /* U+00C8 ÈÉÊËÌÍÎÏ */ "e", "e", "e", "e", "i", "i", "i", "i",
    /* U+00D0 ÐÑÒÓÔÕÖ  */ "d", "n", "o", "o", "o", "o", "o", nullptr,
    /* U+00D8 ØÙÚÛÜÝÞß */ "o", "u", "u", "u", "u", "y", "th", "ss",
    /* U+00E0 àáâãäåæç */ "a", "a", "a", "a", "a", "a", "ae", "c",
    /* U+00E8 èéêëìíîï */ "e", "e", "e", "e", "i", "i", "i", "i",
    /* U+00F0 ðñòóôõö  */ "d", "n", "o", "o", "o", "o", "o", nullptr,
    /* U+00F8 øùúûüýþÿ */ "o", "u", "u", "u", "u", "y", "th", "y",
    /* U+0100 ĀāĂăĄąĆć */ "a", "a", "a", "a", "a", "a", "c", "c",
    /* U+0108 ĈĉĊċČčĎď */ "c", "c", "c", "c", "c", "c", "d", "d",
    /* U+0110 ĐđĒēĔĕĖė */ "d", "d", "e", "e", "e", "e", "e", "e",
    /* U+0118 ĘęĚěĜĝĞğ */ "e", "e", "e", "e", "g", "g", "g", "g",
    /* U+0120 ĠġĢģĤĥĦħ */ "g", "g", "g", "g", "h", "h", "h", "h",
    /* U+0128 ĨĩĪīĬĭĮį */ "i", "i", "i", "i", "i", "i", "i", "i",
    /* U+0130 İıĲĳĴĵĶķ */ "i", "i", "ij", "ij", "j", "j", "k", "k",
    /* U+0138 ĸĹĺĻļĽľĿ */ "k", "l", "l", "l", "l", "l", "l", "l",
    /* U+0140 ŀŁłŃńŅņŇ */ "l", "l", "l", "n", "n", "n", "n", "n",
    /* U+0148 ňŉŊŋŌōŎŏ */ "n", "n", "n", "n", "o", "o", "o", "o",
    /* U+0150 ŐőŒœŔŕŖŗ */ "o", "o", "oe", "oe", "r", "r", "r", "r",
    /* U+0158 ŘřŚśŜŝŞş */ "r", "r", "s", "s", "s", "s", "s", "s",
    /* U+0160 ŠšŢţŤťŦŧ */ "s", "s", "t", "t", "t", "t", "t", "t",
    /* U+0168 ŨũŪūŬŭŮů */ "u", "u", "u", "u", "u", "u", "u", "u",
    /* U+0170 ŰűŲųŴŵŶŷ */ "u", "u", "u", "u", "w", "w", "y", "y",
    /* U+0178 ŸŹźŻżŽžſ */ "y", "z", "z", "z", "z", "z", "z", "s",
    /* U+0180 ƀƁƂƃƄƅƆƇ */ "b", "b", "b", "b", "ƅ", "ƅ", "o", "c",
    /* U+0188 ƈƉƊƋƌƍƎƏ */ "c", "d", "d", "d", "d", "ƍ", "e", "e",
    /* U+0190 ƐƑƒƓƔƕƖƗ */ "e", "f", "f", "g", "g", "hv", "i", "i",
    /* U+0198 ƘƙƚƛƜƝƞƟ */ "k", "k", "l", "l", "m", "n", "n", "o",
    /* U+01A0 ƠơƢƣƤƥƦƧ */ "o", "o", "oi", "oi", "p", "p", "r", "ƨ",
    /* U+01A8 ƨƩƪƫƬƭƮƯ */ "ƨ", "ʃ", "ƪ", "t", "t", "t", "t", "u",
    /* U+01B0 ưƱƲƳƴƵƶƷ */ "u", "u", "v", "y", "y", "z", "z", "z",
    /* U+01B8 ƸƹƺƻƼƽƾƿ */ "ƹ", "ƹ", "z", "ƻ", "ƽ", "ƽ", "ƾ", "w",
    /* U+01C0 ǀǁǂǃǄǅǆǇ */ "ǀ", "ǁ", "ǂ", "ǃ", "dz", "dz", "dz", "lj",
    /* U+01C8 ǈǉǊǋǌǍǎǏ */ "lj", "lj", "nj", "nj", "nj", "a", "a", "i",
    /* U+01D0 ǐǑǒǓǔǕǖǗ */ "i", "o", "o", "u", "u", "u", "u", "u",
    /* U+01D8 ǘǙǚǛǜǝǞǟ */ "u", "u", "u", "u", "u", "e", "a", "a",
    /* U+01E0 ǠǡǢǣǤǥǦǧ */ "a", "a", "ae", "ae", "g", "g", "g", "g",
    /* U+01E8 ǨǩǪǫǬǭǮǯ */ "k", "k", "o", "o", "o", "o", "z", "z",
    /* U+01F0 ǰǱǲǳǴǵǶǷ */ "j", "dz", "dz", "dz", "g", "g", "hv", "w",
    /* U+01F8 ǸǹǺǻǼǽǾǿ */ "n", "n", "a", "a", "ae", "ae", "o", "o",
    /* U+0200 ȀȁȂȃȄȅȆȇ */ "a", "a", "a", "a", "e", "e", "e", "e",
    /* U+0208 ȈȉȊȋȌȍȎȏ */ "i", "i", "i", "i", "o", "o", "o", "o",
    /* U+0210 ȐȑȒȓȔȕȖȗ */ "r", "r", "r", "r", "u", "u", "u", "u",
    /* U+0218 ȘșȚțȜȝȞȟ */ "s", "s", "t", "t", "ȝ", "ȝ", "h", "h",
    /* U+0220 ȠȡȢȣȤȥȦȧ */ "n", "d", "ou", "ou", "z", "z", "a", "a",
    /* U+0228 ȨȩȪȫȬȭȮȯ */ "e", "e", "o", "o", "o", "o", "o", "o",
    /* U+0230 ȰȱȲȳȴȵȶȷ */ "o", "o", "y", "y", "l", "n", "t", "j",
    /* U+0238 ȸȹȺȻȼȽȾȿ */ "db", "qp", "a", "c", "c", "l", "t", "s",
    /* U+0240 ɀɁɂɃɄɅɆɇ */ "z", "ɂ", "ɂ", "b", "u", "v", "e", "e",
    /* U+0248 ɈɉɊɋɌɍɎɏ */ "j", "j", "q", "q", "r", "r", "y", "y",
};
// clang-format on

// clang-format off
constexpr std::array<const char*, 0x100> kLatinExtendedAdditional = {
    /* U+1E00 ḀḁḂḃḄḅḆḇ */ "a", "a", "b", "b", "b", "b", "b", "b",
    /* U+1E08 ḈḉḊḋḌḍḎḏ */ "c", "c", "d", "d", "d", "d", "d", "d",
    /* U+1E10 ḐḑḒḓḔḕḖḗ */ "d", "d", "d", "d", "e", "e", "e", "e",
    /* U+1E18 ḘḙḚḛḜḝḞḟ */ "e", "e", "e", "e", "e", "e", "f", "f",
    /* U+1E20 ḠḡḢḣḤḥḦḧ */ "g", "g", "h", "h", "h", "h", "h", "h",
    /* U+1E28 ḨḩḪḫḬḭḮḯ */ "h", "h", "h", "h", "i", "i", "i", "i",
    /* U+1E30 ḰḱḲḳḴḵḶḷ */ "k", "k", "k", "k", "k", "k", "l", "l",
    /* U+1E38 ḸḹḺḻḼḽḾḿ */ "l", "l", "l", "l", "l", "l", "m", "m",
    /* U+1E40 ṀṁṂṃṄṅṆṇ */ "m", "m", "m", "m", "n", "n", "n", "n",
    /* U+1E48 ṈṉṊṋṌṍṎṏ */ "n", "n", "n", "n", "o", "o", "o", "o",
    /* U+1E50 ṐṑṒṓṔṕṖṗ */ "o", "o", "o", "o", "p", "p", "p", "p",
    /* U+1E58 ṘṙṚṛṜṝṞṟ */ "r", "r", "r", "r", "r", "r", "r", "r",
    /* U+1E60 ṠṡṢṣṤṥṦṧ */ "s", "s", "s", "s", "s", "s", "s", "s",
    /* U+1E68 ṨṩṪṫṬṭṮṯ */ "s", "s", "t", "t", "t", "t", "t", "t",
    /* U+1E70 ṰṱṲṳṴṵṶṷ */ "t", "t", "u", "u", "u", "u", "u", "u",
    /* U+1E78 ṸṹṺṻṼṽṾṿ */ "u", "u", "u", "u", "v", "v", "v", "v",
    /* U+1E80 ẀẁẂẃẄẅẆẇ */ "w", "w", "w", "w", "w", "w", "w", "w",
    /* U+1E88 ẈẉẊẋẌẍẎẏ */ "w", "w", "x", "x", "x", "x", "y", "y",
    /* U+1E90 ẐẑẒẓẔẕẖẗ */ "z", "z", "z", "z", "z", "z", "h", "t",
    /* U+1E98 ẘẙẚẛẜẝẞẟ */ "w", "y", "a", "s", "s", "s", "ss", "ẟ",
    /* U+1EA0 ẠạẢảẤấẦầ */ "a", "a", "a", "a", "a", "a", "a", "a",
    /* U+1EA8 ẨẩẪẫẬậẮắ */ "a", "a", "a", "a", "a", "a", "a", "a",
    /* U+1EB0 ẰằẲẳẴẵẶặ */ "a", "a", "a", "a", "a", "a", "a", "a",
    /* U+1EB8 ẸẹẺẻẼẽẾế */ "e", "e", "e", "e", "e", "e", "e", "e",
    /* U+1EC0 ỀềỂểỄễỆệ */ "e", "e", "e", "e", "e", "e", "e", "e",
    /* U+1EC8 ỈỉỊịỌọỎỏ */ "i", "i", "i", "i", "o", "o", "o", "o",
    /* U+1ED0 ỐốỒồỔổỖỗ */ "o", "o", "o", "o", "o", "o", "o", "o",
    /* U+1ED8 ỘộỚớỜờỞở */ "o", "o", "o", "o", "o", "o", "o", "o",
    /* U+1EE0 ỠỡỢợỤụỦủ */ "o", "o", "o", "o", "u", "u", "u", "u",
    /* U+1EE8 ỨứỪừỬửỮữ */ "u", "u", "u", "u", "u", "u", "u", "u",
    /* U+1EF0 ỰựỲỳỴỵỶỷ */ "u", "u", "y", "y", "y", "y", "y", "y",
    /* U+1EF8 ỸỹỺỻỼỽỾỿ */ "y", "y", "ll", "ll", "v", "v", "y", "y",
};
// clang-format on

struct Range {
  char32_t first;
  char32_t last;
};

// Code points at or above U+0080 outside the Latin tables that fold to a space: punctuation, spaces
// and symbols. Sorted.
// clang-format off
constexpr Range kSeparators[] = {
    {0x0080, 0x00BF},    // C1 controls, Latin-1 punctuation and symbols
    {0x02B0, 0x02FF},    // spacing modifier letters: modifier apostrophes, primes, accents
    {0x0375, 0x0375},    // Greek lower numeral sign
    {0x037E, 0x037E},    // Greek question mark
    {0x0384, 0x0385},    // Greek tonos, dialytika tonos
    {0x0387, 0x0387},    // Greek ano teleia
    {0x055A, 0x055F},    // Armenian punctuation
    {0x0589, 0x058A},    // Armenian full stop, hyphen
    {0x05BE, 0x05BE},    // Hebrew maqaf
    {0x05C0, 0x05C0},    // Hebrew paseq
    {0x05C3, 0x05C3},    // Hebrew sof pasuq
    {0x05C6, 0x05C6},    // Hebrew nun hafukha
    {0x05F3, 0x05F4},    // Hebrew geresh, gershayim
    {0x060C, 0x060C},    // Arabic comma
    {0x061B, 0x061B},    // Arabic semicolon
    {0x061F, 0x061F},    // Arabic question mark
    {0x066A, 0x066D},    // Arabic percent sign, decimal and thousands separators, star
    {0x06D4, 0x06D4},    // Arabic full stop
    {0x2000, 0x206F},    // General Punctuation
    {0x20A0, 0x20CF},    // Currency Symbols
    {0x2190, 0x2BFF},    // arrows, mathematical operators, technical, box drawing, shapes, dingbats
    {0x2E00, 0x2E7F},    // Supplemental Punctuation
    {0x3000, 0x3004},    // CJK Symbols and Punctuation, without its letters and numerals
    {0x3008, 0x3020},
    {0x3030, 0x3030},
    {0x3036, 0x3037},
    {0x303D, 0x303F},
    {0xFE10, 0xFE1F},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
    {0xFF01, 0xFF0F},    // fullwidth ASCII punctuation and halfwidth CJK punctuation
    {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF40},
    {0xFF5B, 0xFF65},
    {0xFFE0, 0xFFEE},    // fullwidth and halfwidth symbols
    {0xFFF0, 0xFFFF},    // Specials, including U+FFFD
    {0x1F000, 0x1FBFF},  // game symbols, enclosed alphanumerics, emoji, pictographs
};
// clang-format on

// Invisible characters that are dropped, so they neither split nor change a word: soft hyphen,
// zero-width non-joiner and joiner, word joiner, zero-width no-break space, variation selectors and
// tags.
constexpr Range kIgnored[] = {
    {0x00AD, 0x00AD}, {0x200C, 0x200D},   {0x2060, 0x2060},   {0xFE00, 0xFE0F},
    {0xFEFF, 0xFEFF}, {0xE0000, 0xE007F}, {0xE0100, 0xE01EF},
};

template <std::size_t N>
bool in_ranges(const Range (&ranges)[N], char32_t cp) {
  for (const Range& r : ranges) {
    if (cp < r.first) return false;
    if (cp <= r.last) return true;
  }
  return false;
}

bool is_combining_mark(char32_t cp) {
  return cp >= 0x0300 && cp <= 0x036F;
}

// The folded form of an ASCII letter or digit or of a code point in the Latin tables; empty for any
// other code point, with `separator` set when that code point folds to a space.
std::string_view fold_latin(char32_t cp, bool& separator) {
  static constexpr char kLower[] = "abcdefghijklmnopqrstuvwxyz";
  static constexpr char kDigits[] = "0123456789";
  separator = false;
  if (cp >= 'A' && cp <= 'Z') return {kLower + (cp - 'A'), 1};
  if (cp >= 'a' && cp <= 'z') return {kLower + (cp - 'a'), 1};
  if (cp >= '0' && cp <= '9') return {kDigits + (cp - '0'), 1};
  if (cp < 0x80) {
    separator = true;
    return {};
  }
  const char* folded = nullptr;
  if (cp >= 0xC0 && cp < 0x250) {
    folded = kLatin[cp - 0xC0];
  } else if (cp >= 0x1E00 && cp < 0x1F00) {
    folded = kLatinExtendedAdditional[cp - 0x1E00];
  } else {
    return {};
  }
  if (folded == nullptr) separator = true;
  return folded == nullptr ? std::string_view() : std::string_view(folded);
}

// Lowercase of a Greek or Cyrillic letter (modern Greek, Cyrillic and Cyrillic Supplement); any
// other code point is returned unchanged. Final sigma folds to sigma.
char32_t lower_greek_cyrillic(char32_t cp) {
  if (cp == 0x0386) return 0x03AC;
  if (cp >= 0x0388 && cp <= 0x038A) return cp + 0x25;
  if (cp == 0x038C) return 0x03CC;
  if (cp >= 0x038E && cp <= 0x038F) return cp + 0x3F;
  if (cp >= 0x0391 && cp <= 0x03AB && cp != 0x03A2) return cp + 0x20;
  if (cp == 0x03C2) return 0x03C3;
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;
  const bool even = cp % 2 == 0;
  if (((cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) ||
       (cp >= 0x04D0 && cp <= 0x052F)) &&
      even) {
    return cp + 1;
  }
  if (cp == 0x04C0) return 0x04CF;
  if (cp >= 0x04C1 && cp <= 0x04CE && !even) return cp + 1;
  return cp;
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space_pending = false;
  bool marks_kept = false;  // the last letter is kept as it is, and so are its marks
  auto start_letter = [&] {
    if (space_pending) out.push_back(' ');
    space_pending = false;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = 0;
    std::size_t len = decode_utf8(text, pos, cp);
    if (len == 0) {  // excluded by the precondition; treated as a separator
      cp = ' ';
      len = 1;
    }
    pos += len;
    if (in_ranges(kIgnored, cp) || (is_combining_mark(cp) && !marks_kept)) continue;
    bool separator = false;
    const std::string_view latin = fold_latin(cp, separator);
    if (!latin.empty()) {
      start_letter();
      out.append(latin);
      marks_kept = false;
      continue;
    }
    if (separator || in_ranges(kSeparators, cp)) {
      space_pending = !out.empty();
      marks_kept = false;
      continue;
    }
    start_letter();
    marks_kept = true;
    append_utf8(out, lower_greek_cyrillic(cp));
  }
  return out;
}

}  // namespace mk
