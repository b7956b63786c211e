"""Texts of the sample-corpus articles published as HTML and PDF (our own writing).

Facts are from the public record (official statements of the Indian Ministry of External
Affairs and the Chinese Ministry of Foreign Affairs as widely reported at the time;
Chinese customs trade figures). Outlets, URLs, analysts quoted by name and their words are
invented. Used by make_samples.py; kept apart so the generator stays readable.
"""

from __future__ import annotations

HTML_ARTICLES = [
    {
        "slug": "doklam-disengagement",
        "outlet": "The Meridian Post",
        "url": "https://meridianpost.example/asia/2017/08/doklam-disengagement",
        "title": "India and China pull back troops, ending Doklam standoff",
        "published": "2017-08-28T19:10:00+05:30",
        "metadata": "meta+jsonld",
        "paragraphs": [
            "India and China have agreed to withdraw their troops from the Doklam plateau, "
            "ending a military standoff that began in the middle of June, India's foreign "
            "ministry said on Monday.",
            "In a short statement, the ministry said the two sides had kept up diplomatic "
            "communication in recent weeks and that \"expeditious disengagement of border "
            "personnel at the face-off site at Doklam has been agreed to and is on-going\". "
            "Beijing confirmed that Indian personnel had withdrawn but said Chinese troops "
            "would continue to patrol the area, which it considers its own territory.",
            "The confrontation started on June 16, when Chinese road builders moved onto "
            "the plateau, which is also claimed by Bhutan. According to a position paper "
            "China's foreign ministry published earlier this month, more than 270 Indian "
            "troops with two bulldozers crossed the boundary two days later to halt the "
            "work.",
            "The agreement comes a week before Prime Minister Narendra Modi is due in the "
            "Chinese city of Xiamen for the BRICS summit, which runs from September 3 to "
            "5. Diplomats said both capitals wanted the dispute settled before the meeting.",
        ],
    },
    {
        "slug": "wuhan-informal-summit",
        "outlet": "Asia Ledger",
        "url": "https://asialedger.example/news/wuhan-informal-summit-day-one",
        "title": "Modi and Xi open informal summit in Wuhan",
        "published": "2018-04-27T21:00:00+08:00",
        "metadata": "meta",
        "paragraphs": [
            "Chinese President Xi Jinping welcomed Indian Prime Minister Narendra Modi to "
            "the central city of Wuhan on Friday for an informal summit that both "
            "governments hope will reset relations after last year's border standoff.",
            "Xi received Modi at the Hubei provincial museum, where the two leaders viewed "
            "an exhibition of ancient artefacts before holding talks with only a few "
            "aides present. The talks will continue tomorrow.",
            "Officials said no agreements would be signed and no joint statement issued. "
            "\"This is a meeting about direction, not about documents,\" a Chinese "
            "official told Asia Ledger.",
            "Relations between the two neighbours were strained for 73 days last summer, "
            "when their soldiers faced each other on the Doklam plateau near Bhutan. "
            "Since then, ministers from both sides have visited each other's capitals to "
            "prepare the ground for this week's meeting.",
            "Indian officials said the leaders would range over the border, trade and "
            "terrorism. Modi is expected back in China in June, when the city of Qingdao "
            "hosts the summit of the Shanghai Cooperation Organisation.",
        ],
    },
    {
        "slug": "mamallapuram-xi-modi",
        "outlet": "Coromandel Daily",
        "url": "https://coromandeldaily.example/nation/xi-visit-ends",
        "title": "After Mamallapuram, Modi and Xi look to a third informal summit",
        "published": "2019-10-13",
        "metadata": "jsonld",
        "paragraphs": [
            "Xi Jinping's two-day visit to Tamil Nadu ended on Saturday with an invitation "
            "for Narendra Modi to travel to China next year for a third informal summit, "
            "according to Indian Foreign Secretary Vijay Gokhale.",
            "The Chinese leader spent Friday evening at the ancient temple town of "
            "Mamallapuram, where Modi guided him around the Shore Temple and the "
            "carvings known as Arjuna's Penance. The two men held their main talks the "
            "next morning at a seaside resort.",
            "Modi said in his remarks that the Wuhan summit had given the relationship "
            "new momentum and that the \"Chennai Connect\" would begin a new era of "
            "cooperation. The leaders agreed to create a High-Level Economic and Trade "
            "Dialogue, to be led by Finance Minister Nirmala Sitharaman and Vice Premier "
            "Hu Chunhua.",
            "From Chennai, Xi flew to Kathmandu, the first visit to Nepal by a Chinese "
            "president in more than two decades.",
            "As in Wuhan in April last year, the two sides issued separate statements "
            "rather than a joint one. Both described the talks as candid and said they "
            "would handle their differences prudently.",
        ],
    },
    {
        "slug": "app-ban",
        "outlet": "Digital Frontier",
        "url": "https://digitalfrontier.example/policy/india-bans-chinese-apps",
        "title": "India bans 59 Chinese apps including TikTok and WeChat",
        "published": None,
        "metadata": None,
        "paragraphs": [
            "India has banned 59 mobile applications developed by Chinese companies, "
            "including TikTok, WeChat and UC Browser, saying they were engaged in "
            "activities prejudicial to the sovereignty, integrity, defence and security "
            "of the country.",
            "The order was announced on Monday evening by the Ministry of Electronics and "
            "Information Technology, which used its powers under Section 69A of the "
            "Information Technology Act. The file-sharing app Shareit was also on the "
            "list.",
            "The ban came two weeks after 20 Indian soldiers were killed in a clash with "
            "Chinese troops in the Galwan valley in Ladakh, and it was widely read in New "
            "Delhi as an economic answer to the confrontation on the border.",
            "A spokesperson for China's foreign ministry said on Tuesday that Beijing was "
            "strongly concerned and was verifying the situation. TikTok said in a "
            "statement that it was complying with the order and would meet government "
            "officials to explain its position.",
        ],
    },
]

PDF_ARTICLES = [
    {
        "slug": "wuhan-analysis",
        "title": "What the Wuhan summit changed, and what it did not",
        "paragraphs": [
            "Last week Narendra Modi and Xi Jinping spent two days together in Wuhan with "
            "no agenda, no agreements to sign and no joint statement to negotiate. The "
            "informal format was new for India and China, and officials on both sides "
            "presented it as a way to rebuild trust after last year's standoff at "
            "Doklam, which lasted from June 16 to August 28.",
            "The most concrete outcome was the decision that both leaders would issue "
            "strategic guidance to their militaries to strengthen communication and "
            "avoid incidents on the border. According to Indian officials, the "
            "guidance is meant to make local commanders more predictable in the areas "
            "where patrols of the two armies meet.",
            "Trade was the other theme. Bilateral trade reached more than $84 billion in "
            "2017, according to Chinese customs figures, but India bought far more than "
            "it sold and its deficit was above $51 billion. Indian negotiators want "
            "better access for pharmaceuticals, information technology services and "
            "farm products.",
            "Some things did not change. The boundary question remains unresolved, and "
            "New Delhi still refuses to join the Belt and Road Initiative. \"Wuhan "
            "lowered the temperature; it did not settle anything,\" said Arjun Mehta, a "
            "researcher who studies the border. The next test will come in June, when "
            "Modi is expected in Qingdao for the summit of the Shanghai Cooperation "
            "Organisation.",
        ],
    },
    {
        "slug": "galwan-aftermath",
        "title": "After Galwan: anger in Delhi, caution in Beijing",
        "paragraphs": [
            "Three days after the deadliest clash on the India-China border since 1975, "
            "the two governments are trying to contain the crisis without appearing to "
            "give ground. Twenty Indian soldiers were killed in the fighting in the "
            "Galwan valley on the night of June 15.",
            "On Wednesday Prime Minister Narendra Modi said the sacrifice of the "
            "soldiers would not be in vain and that India wanted peace but would give a "
            "fitting reply if provoked. He has called a meeting of leaders of all "
            "political parties for Friday.",
            "The same day, External Affairs Minister S. Jaishankar spoke by telephone "
            "with his Chinese counterpart Wang Yi. According to the Indian readout, "
            "Jaishankar told Wang that the clash was the result of premeditated and "
            "planned action by the Chinese side. The two ministers agreed that the "
            "situation would be handled in a responsible manner and that both sides "
            "would carry out the disengagement understanding reached by military "
            "commanders on June 6.",
            "Beijing has not said whether any of its soldiers died. Chinese officials "
            "have repeated that the Galwan valley lies on China's side of the line of "
            "actual control and have blamed Indian troops for the violence.",
            "Both armies have moved thousands of additional troops into eastern Ladakh "
            "since May. Military commanders are expected to meet again in the coming "
            "days.",
        ],
    },
    {
        "slug": "moscow-meeting-analysis",
        "title": "Five points in Moscow: can the border consensus hold?",
        "paragraphs": [
            "The five-point consensus that S. Jaishankar and Wang Yi reached in Moscow "
            "last Thursday is the most detailed political agreement India and China have "
            "made since their soldiers clashed in the Galwan valley in June.",
            "Its core is a promise that border troops will disengage quickly, maintain "
            "proper distance and ease tensions, and that both sides will abide by "
            "existing agreements and avoid escalation. The ministers also agreed to keep "
            "using the Special Representatives mechanism and the working mechanism on "
            "border affairs, and to conclude new confidence-building measures.",
            "The meeting came at a tense moment. Earlier this month both sides accused "
            "each other of firing warning shots near Pangong lake, the first time shots "
            "had been fired on the border in 45 years. Defence ministers Rajnath Singh "
            "and Wei Fenghe had met in the Russian capital a week before the foreign "
            "ministers did.",
            "Economic pressure has continued alongside the diplomacy. After banning 59 "
            "Chinese apps on June 29, India blocked 118 more, including the game PUBG "
            "Mobile, on September 2. \"Delhi is talking and squeezing at the same time,\" "
            "said Leena Kapoor, who writes on Asian security. The test of the Moscow "
            "consensus will be whether military commanders can agree on concrete steps "
            "at their next round of talks.",
        ],
    },
]
