"""Rich text is sanitised with a small allow-list (architecture.md, convention 6)."""
from vh import richtext


def test_keeps_the_allow_list_without_attributes():
    html = '<p class="x" style="color:red">Een <strong>vet</strong> en <em>schuin</em></p><ul><li id="a">één</li></ul><ol><li>twee</li></ol>regel<br>'
    assert richtext.schoon(html) == "<p>Een <strong>vet</strong> en <em>schuin</em></p><ul><li>één</li></ul><ol><li>twee</li></ol>regel<br>"


def test_strips_script_with_its_content():
    out = richtext.schoon("Voor<script>alert('x')</script>na<SCRIPT src=//evil></SCRIPT>")
    assert out == "Voorna"
    assert "script" not in out.lower() and "alert" not in out


def test_strips_event_handlers_and_style():
    out = richtext.schoon('<img src=x onerror="alert(1)"><p onclick="x()">tekst</p><style>p{}</style><a href="javascript:x">link</a>')
    assert "onerror" not in out and "onclick" not in out and "<img" not in out
    assert "style" not in out and "p{}" not in out
    assert "href" not in out and "<a" not in out and "link" in out
    assert out == "<p>tekst</p>link"


def test_strips_other_tags_and_comments_and_escapes_text():
    out = richtext.schoon("<h1>Titel</h1><!-- geheim --><table><tr><td>cel</td></tr></table>5 < 6 & 7 > 3")
    assert out.replace("\n", "") == "Titelcel5 &lt; 6 &amp; 7 &gt; 3"
    assert "geheim" not in out


def test_plain_text_becomes_paragraphs():
    assert richtext.naar_html("Eerste regel\ntweede regel\n\nNieuwe alinea") == \
        "<p>Eerste regel<br>tweede regel</p><p>Nieuwe alinea</p>"
    assert richtext.naar_html("<p>al HTML</p>") == "<p>al HTML</p>"
    assert richtext.naar_html("") == "" and richtext.naar_html(None) == ""
    assert richtext.naar_html("<script>x</script>") == ""


def test_back_to_text_for_a_correction():
    html = richtext.naar_html("Eerste regel\ntweede & derde\n\n<b>Nieuwe</b> alinea")
    assert richtext.naar_tekst(html) == "Eerste regel\ntweede & derde\n\nNieuwe alinea"


def test_is_leeg():
    assert richtext.is_leeg("<p> </p><br>") and richtext.is_leeg("") and not richtext.is_leeg("<p>x</p>")
