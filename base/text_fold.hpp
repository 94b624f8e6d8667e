// Folding text for matching, so "Jansen-de Vries, Ängela" and "angela jansen de vries" compare
// equal after name normalisation. Used to build blind indexes, so the output for a given input must
// never change between versions (a change silently breaks every stored index): it is pinned by
// tests.
#pragma once

#include <string>
#include <string_view>

namespace mk {

// Requires valid UTF-8. Returns the text with:
//  - Latin letters with diacritics mapped to their base letters (é→e, ö→o, ł→l, ø→o, đ→d) and
//    ligatures expanded (ß→ss, æ→ae, œ→oe, ĳ→ij), for U+00C0..U+024F and U+1E00..U+1EFF;
//  - ASCII, Latin, Greek and Cyrillic letters lowercased;
//  - every character that is not a letter or digit (punctuation, hyphens, apostrophes,
//    whitespace) turned into a single space, leading and trailing spaces removed;
//  - other code points (Arabic, CJK, ...) kept as they are;
//  - invisible characters (soft hyphen, zero-width joiner and non-joiner, word joiner, U+FEFF,
//    variation selectors) dropped, and combining diacritical marks (U+0300..U+036F) dropped unless
//    they follow a letter that is kept as it is, so decomposed (NFD) Latin text folds like
//    composed (NFC) text: "Mu\u0308ller" and "Müller" both give "muller".
std::string fold_for_matching(std::string_view text);

}  // namespace mk
