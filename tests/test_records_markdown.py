"""Learner text in a saved review renders as words: no image, raw HTML, link or autolink.

The review is rendered the way a Markdown viewer would (mistune with GFM tables,
task lists, bare-URL links and strikethrough) and the resulting HTML is parsed:
only the tags our own template produces may appear, and none with an address.
"""

import html
import re
from html.parser import HTMLParser

import mistune
import pytest
from hypothesis import given
from hypothesis import strategies as st

from osmosis_lab.records import inert_markdown
from osmosis_lab.review import AS_PLANNED, review_markdown

RENDER = mistune.create_markdown(plugins=["table", "task_lists", "url", "strikethrough"])
#: Tags the review's own template renders, plus the learner's emphasis, lists and code.
ALLOWED = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "table", "thead", "tbody", "tr", "th", "td",
    "ul", "ol", "li", "input", "strong", "em", "del", "code", "pre", "blockquote", "hr", "br",
}  # fmt: skip
HOSTILE = [
    "![x](http://evil.example/pixel.png)",
    "![x][ref]\n\n[ref]: http://evil.example/pixel.png",
    '<img src="http://evil.example/pixel.png">',
    "<IMG SRC=http://evil.example/a.png onerror=alert(1)>",
    "<http://evil.example/autolink>",
    "<mailto:me@evil.example>",
    "see http://evil.example/bare and www.evil.example and me@evil.example",
    '<a href="http://evil.example">click</a>',
    "<iframe src=//evil.example></iframe><script>fetch('//evil.example')</script>",
    "\\<img src=x>",
    "\\![x](http://evil.example/escaped-escape.png)",
    "<!-- comment --><style>body{background:url(http://evil.example)}</style>",
    "[link](javascript:alert(1)) and [ref link][r]\n[r]: http://evil.example",
    "`<img src=x>` in code, and $\\href{http://evil.example}{maths}$",
]


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.comments = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _value in attrs]

    def handle_comment(self, data):
        self.comments.append(data)


def rendered_tags(markdown):
    parser = Tags()
    parser.feed(RENDER(markdown))
    return parser


def assert_inert(markdown):
    found = rendered_tags(markdown)
    assert set(found.tags) <= ALLOWED, sorted(set(found.tags) - ALLOWED)
    assert not {"src", "href", "style", "onerror"} & set(found.attributes), found.attributes
    assert not found.comments


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_review_text_renders_as_words(text):
    saved = review_markdown(AS_PLANNED, None, {}, text)
    assert_inert(saved)
    learner_part = saved.split("## My review", 1)[1]
    # every "<" or "[" the learner typed is escaped (preceded by one backslash, not two)
    assert not re.search(r"(?<!\\)(\\\\)*[<\[]", learner_part), learner_part


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_matrix_notes_render_as_words(text):
    saved = review_markdown(AS_PLANNED, None, {"found": ("consent", text)}, "Fine.")
    assert_inert(saved)


@pytest.mark.parametrize(
    "text",
    [
        "![x](http://evil.example/pixel.png)",
        "<img src=x> and <http://a.example>",
        "me@evil.example costs $5 at www.shop.example",
    ],
)
def test_the_words_read_the_same_once_rendered(text):
    shown = html.unescape(RENDER(inert_markdown(text))).removeprefix("<p>").removesuffix("</p>\n")
    # $ and \ come back as their full-width forms, which read the same (no maths: see the module)
    assert shown.replace("\uff04", "$").replace("\uff3c", "\\") == text


def test_no_maths_delimiter_survives_for_mathjax_to_find():
    # found in the browser: MathJax turned "$\href{http://example.com}{x}$" in a review into a link
    for text in (r"$\href{http://example.com/m}{x}$", r"\(\href{http://e.example}{y}\)", "$$a$$"):
        shown = html.unescape(RENDER(inert_markdown(text)))
        assert "$" not in shown and "\\" not in shown, shown


def test_the_learners_emphasis_still_works():
    assert "<strong>fair form</strong>" in RENDER(inert_markdown("Launch with the **fair form**."))


MARKDOWN_BITS = st.sampled_from(
    ["!", "[", "]", "(", ")", "<", ">", "\\", "`", "*", "_", "http://", "www.", "@", ":", "/",
     "img", " src=", "a.example", "\n", "\n\n", "    ", "&", "#", "$", "|", "-", "=", '"', "'"]
)  # fmt: skip
HOSTILE_TEXT = st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=4)), max_size=40).map("".join)


@given(HOSTILE_TEXT, HOSTILE_TEXT)
def test_no_learner_text_can_embed_or_link_anything(review, note):
    saved = review_markdown(AS_PLANNED, None, {"minor": (None, note)}, review)
    assert_inert(saved)
