"""The words of other languages that members mix into English commands, by the job they do.

Members write "met Pedro no evento da Google", "rappelle-moi de relancer Jean lundi à 10h",
"Rohan wala reminder hata do". The readings stay English; this module is the one place that
knows which foreign words play the part of "at", "the", "at <time>", "met" or a command verb,
so each reading consults the same lists and a new language is added here once.

Every list is lower case; `alternation` turns one into a regular-expression group, longest
words first so "à la" is tried before "à".
"""

from __future__ import annotations

from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """`(?:…|…)` of `words`, longest first, spaces matching any run of white space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(word.replace(" ", r"\s+") for word in ordered) + ")"


# "at" before a place. Spanish, Portuguese and Tagalog ones are also everyday English or
# Pidgin words ("no idea", "en route", "na correct guy"), so a reading takes them only before
# a capitalised place, an article or a venue noun; the French ones are never English.
PLACE_AT = {
    "es": ("en",),
    "pt": ("no", "na", "nos", "nas", "em"),
    "fr": ("au", "aux", "à", "à la", "chez"),
    "de": ("im", "beim", "bei", "auf der", "auf dem"),
    "tl": ("sa",),
}
# The ones that are no English word: a place may follow in lower case.
PLACE_AT_ALWAYS = ("au", "aux", "à", "à la", "chez")

# Definite articles after such an "at": "en el coworking", "na la feria". The place is kept
# without one, as an English place is kept with or without "the".
ARTICLES = {
    "es": ("el", "la", "los", "las"),
    "pt": ("o", "a", "os", "as"),
    "fr": ("le", "la", "les", "l'"),
    "de": ("der", "die", "das", "dem", "den"),
    "tl": ("ang", "yung"),
}

# Nouns of a venue or an event, so "no evento da Google", "en el coworking" read as places.
VENUE_NOUNS = (
    "evento", "eventos", "café", "cafe", "cafeteria", "coworking", "salon", "salão", "feira",
    "feria", "conferência", "conferencia", "conférence", "congreso", "congresso", "festa",
    "fiesta", "bar", "restaurante", "restaurant", "escritório", "oficina", "bureau", "reunião",
    "reunión", "cena", "jantar", "almoço", "almuerzo", "meetup", "workshop", "hackathon",
    "palestra", "charla", "encontro", "encuentro", "stand", "booth", "universidade",
    "universidad", "faculdade", "escola", "colegio", "clube", "club", "academia", "gym",
)  # fmt: skip

# "at" before a time of day: "a las 11am", "às 15h", "à 10h", "um 17 Uhr", "alle 9".
TIME_AT = ("a las", "a la", "às", "as", "à", "um", "alle", "ng")

# An article before a bare number that makes it a day of the month: "el 15", "le 15", "o dia 15".
DAY_OF_MONTH_ABROAD = ("el", "le", "o dia", "no dia", "dia")

# Verbs that tell a meeting, read as "met" wherever they stand: "encontrei a Beatriz",
# "Jean — croisé au salon", "nos vimos con Camila", "nakilala ko si Ana".
MET_VERBS = (
    "conheci", "conocí", "conoci", "encontrei", "encontré", "me encontré con",
    "me encontre con", "nos vimos con", "nos encontramos con", "platiqué con", "platique con",
    "rencontré", "j'ai rencontré", "croisé", "j'ai croisé", "nakilala ko", "nakausap ko",
)  # fmt: skip

# The same said last, as Turkish puts it: "Mehmet Demir'le tanıştım at Ankara Cloud Day".
MET_VERBS_LAST = ("tanıştım", "tanistim", "tanıştık", "tanistik", "ile tanıştım", "ile tanistim")

# Words that only mark the person after a verb: Spanish and Portuguese "a"/"o" ("encontrei a
# Beatriz", "llamar a Camila"), Portuguese "pra", Tagalog "si", "kay", "ni".
PERSON_MARKERS = ("a", "o", "à", "pra", "para", "si", "kay", "ni")

# Phrases glossed wherever they stand, when the line reads as no command as typed: "falei com o
# Kai hoje, pode marcar como feito" is "I talked to Kai hoje, mark it as done".
PHRASES = {
    "mark it as done": (
        "pode marcar como feito", "marca como feito", "marcar como feito", "marque como feito",
        "márcalo como hecho", "marcalo como hecho", "marca como hecho", "marque comme fait",
        "als erledigt markieren",
    ),
    "I talked to": (
        "falei com o", "falei com a", "falei com", "hablé con", "hable con", "j'ai parlé à",
        "j'ai parlé avec",
    ),
    "change the time zone": (
        "muda o fuso horário", "muda o fuso horario", "mude o fuso horário", "muda o fuso",
        "cambia la zona horaria", "cambia mi zona horaria", "change le fuseau horaire",
    ),
}  # fmt: skip

# A greeting that may open a command to the bot: "Salut, rappelle-moi de relancer Julien".
GREETINGS = ("salut", "hola", "oi", "olá", "ola", "hallo", "kumusta", "ciao", "bonjour")

# A command's verb said first, as Spanish, Portuguese, French and Tagalog put it, and the
# English words that say the same: "apaga o contato da Priya" is "delete Priya".
COMMAND_VERBS_FIRST = {
    "remind me to": (
        "recordarme", "recuérdame", "recuerdame", "lembrar de", "lembra-me de", "lembre-me de",
        "me lembra de", "me lembre de", "rappelle-moi de", "rappelle moi de", "rappelle-moi d'",
        "paalalahanan mo ako na", "ipaalala mo sa akin na", "erinnere mich daran,",
    ),
    "snooze": (
        "ipagpaliban mo", "ilipat mo", "pospón", "posponer", "pospone", "aplaza", "adia",
        "adie", "reporte", "décale", "verschiebe",
    ),
    "cancel": ("cancela", "cancele", "annule", "kanselahin mo"),
    "delete": (
        "apaga", "apague", "borra", "elimina", "supprime", "burahin mo", "tanggalin mo", "lösche",
    ),
    "show": (
        "mostra", "mostre", "mostrar", "muéstrame", "muestrame", "muestra", "montre-moi",
        "ipakita mo", "zeig mir", "zeige mir",
    ),
    "export": ("exporta", "exporte", "exportar", "exportiere", "i-export mo"),
    "help with": ("ayuda con", "ajuda com", "aide avec", "aide pour", "hilfe bei", "tulong sa"),
    "change": ("muda", "mude", "cambia", "cambie", "ändere"),
}  # fmt: skip

# What such a verb acts on, in English: "o contato da Priya" is Priya, "meus lembretes" my
# reminders. An empty gloss drops the words.
OBJECTS = {
    "": (
        "o contato da", "o contato do", "o contato de", "o contacto de", "el contacto de",
        "le contact de", "den kontakt von", "yung contact ni", "ang contact ni",
    ),
    "my reminders": (
        "meus lembretes", "os meus lembretes", "os lembretes", "mis recordatorios",
        "los recordatorios", "mes rappels", "meine erinnerungen", "mga paalala ko",
    ),
    "all my data": (
        "todos mis datos", "todos os meus dados", "todos meus dados", "toutes mes données",
        "alle meine daten",
    ),
    "my data": ("mis datos", "meus dados", "os meus dados", "mes données", "meine daten"),
    "the time zone": (
        "o fuso horário", "o fuso horario", "o fuso", "la zona horaria", "mi zona horaria",
        "le fuseau horaire", "die zeitzone", "meine zeitzone",
    ),
}  # fmt: skip

# The verb of getting in touch after "remind me to", in English: "lembrar de mandar mensagem
# pra Beatriz", "recordarme llamar a Camila", "rappelle-moi de relancer Jean".
CONTACT_VERBS = {
    "message": (
        "mandar mensagem", "mandar uma mensagem", "mandar mensaje", "escrever", "escribir", "yaz",
        "mesaj at", "schreiben", "écrire",
    ),
    "call": ("llamar", "ligar", "appeler", "tawagan", "ara", "anrufen"),
    "email": ("mandar email", "mandar un email", "mandar um email"),
    "follow up with": (
        "relancer", "dar seguimiento a", "falar com", "hablar con", "fazer follow up com",
        "fazer follow-up com", "hacer follow up con", "hacer seguimiento con",
    ),
}  # fmt: skip

# "… de mis contactos": where a contact is deleted from, in English.
FROM_MY_CONTACTS = (
    "de mis contactos", "dos meus contatos", "dos contatos", "de mes contacts",
    "aus meinen kontakten", "sa contacts ko", "sa listahan ko",
)  # fmt: skip

# Hindi and Urdu put the verb last. An English command word before "karo", "kar do", "karna
# hai" is the command ("mujhe apna data export karna hai"); these verbs are one by themselves.
ENGLISH_COMMAND_WORDS = (
    "export", "delete", "cancel", "snooze", "rename", "list", "done", "follow up", "follow-up",
    "remind", "update", "change", "remove",
)  # fmt: skip
LIGHT_VERBS = ("kar do", "kardo", "karo", "kar dena", "kar de", "karna hai", "karni hai", "karna")
VERBS_LAST = {
    "show": ("dikhao", "dikha do", "dikhaao", "dikhaiye"),
    "remove": ("hata do", "hatao", "hata dena", "hata de", "nikal do"),
}  # fmt: skip
# Hindi and Urdu words around the object, in English: "mera saara data" is "all my data",
# "Priya ka contact" "Priya's contact" ("'s" joins the word before it).
GLUE_WORDS = {
    "all my": ("mera saara", "meri saari", "mere saare", "apna saara", "apni saari", "apne saare"),
    "my": ("mera", "meri", "mere", "apna", "apni", "apne"),
    "all": ("saara", "saari", "saare", "sab"),
    "'s": ("ka", "ki", "ke", "wala", "wali", "wale"),
    "": ("mujhe", "hi", "ko", "please", "yaar"),
}  # fmt: skip


# Turkish case endings written after a name with an apostrophe: "Mehmet Demir'le tanıştım"
# (with), "Elif Yılmaz'a yaz" (to).
CASE_ENDINGS = (
    "a", "e", "ya", "ye", "la", "le", "yla", "yle", "ile", "da", "de", "ta", "te", "dan", "den",
    "tan", "ten", "ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "ı", "i", "yı", "yi",
)  # fmt: skip

# "remind me" said on its own after the request, which it only repeats: "…, yaad dila dena".
REMIND_ME_SAID = (
    "remind me", "pls remind me", "please remind me", "remind kar dena", "remind kar do",
    "remind karna", "yaad dila dena", "yaad dila do", "yaad dilana", "yaad dilao",
    "recuérdame", "recuerdame", "lembra-me", "me lembra", "rappelle-moi", "paalala",
)  # fmt: skip

# "is" in the languages members mix in, and the labels that say a name is being corrected:
# "nombre correcto: Jose Nunez es José Núñez Ríos".
COPULAS = ("es", "é", "ist", "est")
NAME_CORRECTION_LABELS = (
    "nombre correcto", "nome correto", "nom correct", "richtiger name", "tamang pangalan",
)  # fmt: skip


def every(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """All the words of a by-language table."""
    return tuple(word for words in table.values() for word in words)
