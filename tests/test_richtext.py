"""Rich text is sanitised with a small allow-list (architecture.md, convention 6).
(test_brieven.py covers the plain-text round trip; here: what the sanitiser strips.)"""
from vh import richtext


def test_keeps_the_allow_list_without_attributes():
    html = ('<p class="x" style="color:red">Een <strong>vet</strong> en <em>schuin</em></p>'
            '<ul><li id="a">één</li></ul><ol><li>twee</li></ol>regel<br>')
    assert richtext.sanitize(html) == ("<p>Een <strong>vet</strong> en <em>schuin</em></p>"
                                       "<ul><li>één</li></ul><ol><li>twee</li></ol>regel<br>")


def test_strips_script_with_its_content():
    out = richtext.sanitize("Voor<script>alert('x')</script>na<SCRIPT src=//evil></SCRIPT>")
    assert out == "Voorna"


def test_strips_event_handlers_and_style():
    out = richtext.sanitize('<img src=x onerror="alert(1)"><p onclick="x()">tekst</p><style>p{}</style>'
                            '<a href="javascript:x">link</a>')
    assert out == "<p>tekst</p>link"


def test_strips_other_tags_and_comments_and_escapes_text():
    out = richtext.sanitize("<h1>Titel</h1><!-- geheim --><table><tr><td>cel</td></tr></table>5 < 6 & 7 > 3")
    assert out.replace("\n", "") == "Titelcel5 &lt; 6 &amp; 7 &gt; 3"


def test_typed_markup_stays_harmless_text():
    html = richtext.tekst_naar_html('Drie interventies.<img src=x onerror=alert(1)>')
    assert "<img" not in html and html.startswith("<p>Drie interventies.&lt;img")


def test_is_leeg():
    assert richtext.is_leeg("<p> </p><br>") and richtext.is_leeg("") and richtext.is_leeg(None)
    assert not richtext.is_leeg("<p>x</p>")
