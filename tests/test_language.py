"""Only English is coded; other languages are kept with their language and left uncoded."""
from __future__ import annotations

from storyline.analysis.language import detect_language
from storyline.analysis.pipeline import analyze_text


def test_function_words_tell_english_from_german_french_and_spanish():
    assert detect_language("The minister said that the talks would resume in the spring, after a "
                           "round of meetings with a delegation from the north of the country.") == "en"
    assert detect_language("Der Minister sagte, dass die Gespräche im Frühjahr wieder aufgenommen "
                           "werden, nach einer Reihe von Treffen mit der Delegation aus dem Norden.") == "de"
    assert detect_language("Le ministre a dit que les négociations reprendront au printemps, après "
                           "une série de réunions avec la délégation du nord du pays.") == "fr"
    assert detect_language("El ministro dijo que las negociaciones se reanudarán en la primavera, "
                           "después de una serie de reuniones con la delegación del norte.") == "es"


def test_a_non_latin_script_is_enough_and_a_few_words_are_not():
    assert detect_language("Министр заявил, что переговоры возобновятся весной.") == "ru"
    assert detect_language("Brexit: Merkel, Macron.") is None
    assert detect_language("Ghana rejected a Nigerian proposal for a trade pact.") is None


def test_english_with_foreign_names_stays_english():
    text = ("Chancellor Olaf Scholz met Emmanuel Macron at the Élysée on Tuesday, where the two "
            "leaders discussed the Bundeswehr and the Force de dissuasion with their advisers.")
    assert detect_language(text) == "en"


def test_a_german_article_is_kept_but_not_coded_with_the_english_model(nlp):
    article = analyze_text("Die Regierung in Berlin hat am Montag beschlossen, dass die Soldaten "
                           "nicht in die Ukraine geschickt werden, sagte der Kanzler nach einem "
                           "Treffen mit den Ministern.", nlp=nlp,
                           published="2024-05-30")
    assert article.language == "de"
    assert (article.actors, article.events, article.claims) == ([], [], [])
