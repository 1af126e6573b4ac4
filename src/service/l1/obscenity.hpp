// Obscene language in what a customer wrote (DOMAIN.md §3: one of L1's six
// classes is "obscene language"). Finds Russian mat and English profanity
// through inflection and prefixes ("нахуй", "заебали", "motherfucker") and
// through the usual disguises: Latin letters that look Cyrillic ("xyй"),
// digits and symbols for letters ("6л@дь", "sh1t"), masks ("f*ck",
// "п**дец"), symbols or spaces between letters ("х.у.й", "f u c k"),
// repeated letters ("бляяядь") and transliteration ("blyad", "nahuy").
//
// Words that merely contain such letters stay clean ("застрахуй",
// "оскорблять", "рубля", "Scunthorpe", "Sussex"): a root counts only where
// a word of its family can begin — at the start of the word, or after one
// of the prefixes that family takes — and only with the letters that
// continue it in that family.
//
// A finding is a proposal for the operator, never a verdict: the ticket is
// flagged and the class proposed; a person decides.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hd::service::l1 {

struct ObsceneWord {
  std::string written;  // as it stands in the text ("х.у.й", "f u c k")
  std::string family;   // what it was read as: "хуй", "fuck"
};

// The obscene words of `text` (UTF-8; invalid bytes are skipped), in order
// of appearance; empty when the text is clean.
std::vector<ObsceneWord> FindObscene(std::string_view text);

}  // namespace hd::service::l1
