"""The guided first deal's card and the glossary. The steps and terms are data
(``game/i18n/guide_steps.json`` and the ``glossary`` texts in the language files), so they
can be re-worded when the rules change."""

from game.ui.router import register

register("tutorial", "game.ui.tutorial.scene:TutorialScene")
register("glossary", "game.ui.tutorial.glossary:GlossaryScene")
