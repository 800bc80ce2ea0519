"""Demo trust pages (written fresh for Cerobio) and the editorial set-up, loaded by `manage.py load_demo`.

`load_editorial()` is called at the end of cerobio.guide.demo.loader.load_demo. It adds only the
pages that are missing (by slug, under the home page), so an editor's changes are never overwritten,
and attaches the roles and the "Clinical sign-off" workflow to the pages once (roles.attach_to_pages).
"""

import datetime
from collections import Counter

UPDATED = datetime.date(2026, 11, 27)


def h(text):
    return {"type": "heading", "value": text}


def p(*paragraphs):
    return {"type": "text", "value": "".join(f"<p>{x}</p>" for x in paragraphs)}


def ul(*items, intro=""):
    lead = f"<p>{intro}</p>" if intro else ""
    return {"type": "text", "value": lead + "<ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul>"}


def inset(text):
    return {"type": "inset", "value": f"<p>{text}</p>"}


def warning(heading, text):
    return {"type": "warning", "value": {"heading": heading, "text": f"<p>{text}</p>"}}


def delivery_options():
    return {"type": "delivery_options", "value": None}


ABOUT = {
    "slug": "about",
    "title": "About us and how we write the guide",
    "seo_title": "About Cerobio and our editorial policy",
    "search_description": "Who we are, how the milia guide is written and checked, where our facts come from, "
    "and how we keep our shop apart from our health information.",
    "summary": "Cerobio is a guide to milia and a small skincare shop. This page explains how we write "
    "and check the guide, and how we keep selling apart from health information.",
    "body": [
        h("Who we are"),
        p("Cerobio is a small team. We write a free guide to milia: the tiny, hard, white bumps that many "
          "babies and adults get. We also run a shop that sells one skincare product for adults."),
        p("You do not need to buy anything to use the guide or the identifier. Neither of them asks who you are."),
        h("How we write the guide"),
        ul(
            "We write for a reading age of about 11. We use short sentences and everyday words.",
            "When we must use a medical word, we explain it.",
            "Every fact comes from a source that we list at the bottom of the page.",
            "When the research is weak or doctors are not sure, we say so.",
            "We say clearly when to see a GP, a pharmacist or a health visitor, and when to get help urgently.",
            intro="Our writers follow the same rules on every page:",
        ),
        h("How a page is checked"),
        p("A page goes live only after a clinician in our clinical review team has checked it against its "
          "sources and approved it. The page then shows their name, the date they checked it and the date "
          "of the next check."),
        p("We check every page at least once a year. If a check is late, the page says "
          "&ldquo;This page is being reviewed&rdquo; until it is done. If the facts behind a page change, "
          "for example a new study or a source that is withdrawn, we check the page sooner."),
        h("Where our information comes from"),
        p("We use medical reviews, textbooks and published case reports first. Sometimes we also use a clinic "
          "or consumer page. When we do, the source list marks it as a weaker source."),
        p("Every source shows who published it, its address and the date we read it."),
        h("We sell a product: how we keep it apart"),
        ul(
            "Our guide pages never advertise. The shop can only appear in a box marked &ldquo;Shop&rdquo; at the "
            "end of a page, and only where it might suit the reader.",
            "The identifier never suggests our product to anyone it has just told to see a doctor.",
            "Our product is a cosmetic, not a medicine. We describe it only in cosmetic words, such as "
            "&ldquo;exfoliates&rdquo; or &ldquo;helps skin look smoother&rdquo;.",
            "Before anything about the product goes live, our system checks the wording for medical claims. "
            "Only a clinician can let flagged wording through, and they must write down why.",
            intro="Selling something and giving health information can pull in different directions. These rules keep them apart:",
        ),
        h("Conflicts of interest"),
        p("Cerobio earns money from the shop. That is a conflict of interest, and we want you to know about it."),
        p("The clinicians who check the guide are not paid for each sale. Anyone who writes or checks a page "
          "must tell us about any link they have with a company that makes skin products. We do not take "
          "advertising, sponsored articles or payments for links."),
        h("Tell us what we got wrong"),
        p("If you think something on a page is wrong or hard to understand, please "
          "<a href=\"/contact/\">contact us</a>. You can also answer &ldquo;Was this page helpful?&rdquo; at the "
          "bottom of each guide page. We read every answer."),
    ],
}

ACCESSIBILITY = {
    "slug": "accessibility",
    "title": "Accessibility statement",
    "search_description": "How accessible the Cerobio website is, the problems we know about, and how to tell us about a problem.",
    "summary": "We want everyone to be able to use this website. This statement says how well it works for "
    "people with disabilities, what we know is not right yet, and how to tell us about a problem.",
    "body": [
        h("Our aim"),
        p("We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. "
          "These are the international rules for making websites work for everyone."),
        ul(
            "zoom in up to 400% without text spilling off the screen",
            "use the whole site with a keyboard only",
            "use the site with a screen reader",
            "use every page, the identifier and the shop with JavaScript turned off",
            "change the skin tone of our drawings without JavaScript",
            "print any guide page in a clear, simple layout",
            intro="You should be able to:",
        ),
        h("How we check"),
        p("Every time we change the website, automatic tests check each kind of page on a phone-sized "
          "screen and a desktop screen with a tool called axe. We also check pages with a keyboard. "
          "The tests must pass before a change goes live."),
        h("Problems we know about"),
        ul(
            "Some drawings show a lot of detail. We describe each one in words next to it, but the words cannot "
            "show every detail.",
            "Some sources we link to are on other websites. We cannot make those sites accessible.",
            "The staff area of the site, where we edit pages, has not been tested to the same standard.",
            intro="As far as we know, the public website meets WCAG 2.2 AA. These parts are harder to use:",
        ),
        h("Tell us about a problem"),
        p("If you find something hard to use, please tell us. Use our <a href=\"/contact/\">contact form</a> "
          "and choose &ldquo;A problem using this website&rdquo;. Tell us the page and what went wrong. "
          "We aim to reply within 5 working days."),
        p("If you need information from this website in another format, such as large print or plain text "
          "by email, ask us in the same way."),
        h("If you are not happy with our reply"),
        p("You can contact the Equality Advisory and Support Service (EASS). They give free advice about "
          "discrimination and equality in England, Scotland and Wales."),
    ],
}

PRIVACY = {
    "slug": "privacy",
    "title": "Privacy notice",
    "search_description": "What personal information Cerobio collects, why, how long we keep it, who sees it, and your rights.",
    "summary": "This notice explains what information we keep about you, why we keep it, how long for, "
    "and what you can ask us to do with it. Your answers to the identifier are never stored.",
    "body": [
        h("Who we are"),
        p("Cerobio runs this website and its shop. We are responsible for the personal information "
          "described here. You can reach us through our <a href=\"/contact/\">contact page</a>."),
        h("Reading the guide"),
        p("You can read the guide without telling us anything about yourself. We do not use advertising "
          "or tracking cookies, and we do not use analytics tools that follow you around the web."),
        p("Like every website, our hosting keeps short technical logs, such as the address a request came "
          "from and the time. We use them only to keep the site working and secure, and we delete them "
          "after 30 days."),
        h("The identifier"),
        inset("Your answers to the identifier are never stored. We use them only to show you a result, and "
              "then they are gone. We do not log them, link them to you or send them to anyone."),
        h("Page feedback"),
        p("If you answer &ldquo;Was this page helpful?&rdquo;, we keep your answer, any comment you write, "
          "the page and the date. We do not keep your IP address, your email address or anything else that "
          "could identify you. If you type an email address or a phone number into a comment, we remove it "
          "before we save the comment."),
        h("Contact messages"),
        p("If you send us a message, we keep your name, your email address, what your message is about, "
          "any order number and your message. We use them only to reply to you. We send you a copy of your "
          "message by email."),
        p("We delete messages 2 years after you send them, unless we need to keep one longer because of a "
          "complaint or a legal claim."),
        h("Orders"),
        ul(
            "your name and delivery address, to deliver your order",
            "your email address, to send your order confirmation and delivery updates",
            "what you bought and what you paid, for our accounts",
            intro="When you buy from our shop, we keep:",
        ),
        p("Your card details go straight to our payment provider. They never reach our website."),
        p("UK tax law says we must keep records of sales for 6 years after the end of the financial year. "
          "After that we delete your order details."),
        h("Your basket"),
        p("When you add something to your basket, we store a random code in a cookie so that we can find your "
          "basket again. It lasts 30 days. See our <a href=\"/cookies/\">cookies page</a>."),
        h("Who else sees your information"),
        ul(
            "our payment provider, to take payment",
            "the company that sends our emails",
            "the delivery company, which gets your name and address",
            "our hosting company, which stores the website and its data",
            intro="We share only what is needed, and only with:",
        ),
        p("We never sell your information and never use it for advertising."),
        h("Our reasons for using your information"),
        ul(
            "to carry out our contract with you when you place an order",
            "because the law says we must, for example to keep tax records",
            "because we have a legitimate interest in answering your messages and improving the guide",
            intro="Data protection law says we must have a reason. Ours are:",
        ),
        h("Your rights"),
        ul(
            "ask for a copy of the information we hold about you",
            "ask us to correct it",
            "ask us to delete it, unless the law says we must keep it",
            "object to how we use it",
            intro="You can:",
        ),
        p("To do any of these, use our <a href=\"/contact/\">contact form</a> and choose &ldquo;Your personal "
          "data&rdquo;. We reply within one month."),
        p("If you ask for a copy, we send you a file with your orders and your messages to us."),
        p("If you ask us to delete your information, we delete your messages to us. For your orders, we delete "
          "your name, your email address and your address. We keep what you bought and what you paid, because "
          "tax law says we must. Your payment provider keeps its own records, so you may need to ask them too."),
        p("If you are not happy with how we handle your information, you can complain to the Information "
          "Commissioner&rsquo;s Office (ICO) at ico.org.uk."),
    ],
}

COOKIES = {
    "slug": "cookies",
    "title": "Cookies",
    "search_description": "The only cookies Cerobio uses are the ones the website needs to work. There are no tracking or advertising cookies.",
    "summary": "We only use cookies that the website needs to work. We do not use cookies for tracking, "
    "analytics or advertising, so we do not need to ask for your consent.",
    "body": [
        h("What cookies are"),
        p("Cookies are small files that a website saves on your phone or computer. They help the website "
          "remember things, such as what is in your basket."),
        h("The cookies we use"),
        ul(
            "<b>cerobio_basket</b>: remembers your basket. It is set when you add something to your basket "
            "and lasts 30 days.",
            "<b>csrftoken</b>: protects forms, such as the contact form and checkout, from a type of attack. "
            "It is set when you open a page with one of these forms and lasts a year.",
            "<b>messages</b>: carries a short note to the next page, such as &ldquo;Added to your "
            "basket&rdquo;. It is deleted as soon as the note is shown.",
            "<b>sessionid</b>: keeps our staff signed in to the editing area. Readers and shoppers do not get it.",
            intro="These cookies are strictly necessary. The website cannot work properly without them:",
        ),
        p("Reading the guide and using the identifier do not set any cookies."),
        h("Cookies we do not use"),
        p("We do not use analytics, advertising, social media or tracking cookies. We do not let other "
          "companies set cookies on our website."),
        p("If you pay by card, you may go to our payment provider&rsquo;s page to pay. That page is on their "
          "website and their own cookie notice applies there."),
        h("Why there is no cookie banner"),
        p("The law only asks us to get your consent for cookies that are not strictly necessary. "
          "We do not use any, so there is nothing to agree to."),
        h("Turning cookies off"),
        p("You can block or delete cookies in your browser settings. If you block them, you can still read "
          "the guide, but the basket and checkout will not work."),
    ],
}

TERMS = {
    "slug": "terms",
    "title": "Terms of sale",
    "search_description": "The terms that apply when you buy from the Cerobio shop: ordering, prices, payment, delivery, cancelling and faulty items.",
    "summary": "These terms apply when you buy from the Cerobio shop. They do not affect your legal rights "
    "as a consumer.",
    "body": [
        h("Who you are buying from"),
        p("You are buying from Cerobio. You can reach us through our <a href=\"/contact/\">contact page</a>."),
        h("What we sell"),
        p("We sell a cosmetic skincare product for adults. It is not a medicine. It does not diagnose or "
          "replace advice from a doctor, nurse or pharmacist. Read who it suits and who it does not suit on "
          "the product page before you buy."),
        h("Ordering"),
        p("When you place an order, we send you an email to say we have it. Our contract with you starts "
          "when we send the email that confirms your order. If we cannot accept your order, for example "
          "because an item has sold out, we tell you and do not take payment, or we refund you in full."),
        h("Prices and payment"),
        ul(
            "Prices are in pounds sterling (£) and include VAT.",
            "The delivery price is shown at checkout, before you pay.",
            "You pay by card through our payment provider. We never see or store your card details.",
        ),
        h("Delivery"),
        p("Read our <a href=\"/delivery/\">delivery page</a> for where we deliver, how much it costs and how "
          "long it takes."),
        h("Changing your mind"),
        p("You can cancel your order within 14 days of receiving it. Read our "
          "<a href=\"/returns/\">returns and cancellations page</a> for how. For hygiene reasons, we cannot "
          "take back a cream that has been opened, unless it is faulty."),
        h("If something is wrong"),
        p("If your order arrives damaged or faulty, or is not what you ordered, please contact us. Under the "
          "Consumer Rights Act 2015 you can reject a faulty item within 30 days for a full refund. After that, "
          "you can ask for a repair or a replacement, or in some cases a refund."),
        h("Using the product safely"),
        ul(
            "Follow the instructions that come with the product.",
            "Try it first on a small area of skin.",
            "Stop using it if your skin stings, itches, goes red or swells.",
            "Never use it on a baby or on the areas the product page says to avoid.",
        ),
        warning("Important", "See a GP if you are not sure what your bumps are, if they are spreading, or if "
                "they are sore or bleeding. Our product is not a substitute for medical advice."),
        h("Our responsibility to you"),
        p("We are responsible for loss or damage that you suffer because we broke these terms or did not take "
          "reasonable care, if that loss or damage could be foreseen. We are not responsible for business "
          "losses. Nothing in these terms limits our responsibility for death or personal injury caused by "
          "our negligence, or for anything else the law does not let us limit."),
        h("The law that applies"),
        p("These terms are governed by the law of England and Wales. If you live in Scotland or Northern "
          "Ireland, you can also take legal action in your own country&rsquo;s courts."),
    ],
}

DELIVERY = {
    "slug": "delivery",
    "title": "Delivery",
    "search_description": "Where Cerobio delivers, how much it costs and how long it takes.",
    "summary": "Where we deliver, how much it costs and how long it takes. You always see the delivery "
    "price and dates for your address before you pay.",
    "body": [
        h("Delivery options"),
        delivery_options(),
        p("Delivery times are in working days (Monday to Friday, not bank holidays). They count from the day "
          "your order is confirmed. They are estimates, not promises."),
        h("Tracking your order"),
        p("When your order is on its way, we send you an email. If your delivery is tracked, the email has "
          "the tracking number. You can also follow your order from the link in your order confirmation."),
        h("If your order does not arrive"),
        p("If your order has not arrived 5 working days after the latest date we gave you, please "
          "<a href=\"/contact/\">contact us</a> with your order number. We will find it or send a new one."),
        h("Deliveries outside the UK"),
        p("For deliveries outside the UK, your country may charge import tax or customs fees when the parcel "
          "arrives. These are not part of our price, and you pay them to the delivery company."),
    ],
}

RETURNS = {
    "slug": "returns",
    "title": "Returns and cancellations",
    "search_description": "How to cancel a Cerobio order within 14 days and get your money back, and what we cannot take back.",
    "summary": "You can cancel your order within 14 days of receiving it and get your money back. For "
    "hygiene reasons, we cannot take back a cream that has been opened, unless it is faulty.",
    "body": [
        h("Your right to cancel"),
        p("You can change your mind and cancel your order for any reason. You have 14 days, starting the day "
          "after you receive your order."),
        inset("For hygiene reasons, you cannot return a cream once its seal is broken or it has been opened, "
              "unless it is faulty. Please do not open it until you are sure you want to keep it."),
        h("How to cancel"),
        ul(
            "Tell us within the 14 days. Use our <a href=\"/contact/\">contact form</a>, choose "
            "&ldquo;Returning an item or cancelling an order&rdquo; and give your order number.",
            "Send the item back within 14 days of telling us. We email you the return address.",
            "Keep your proof of postage until we confirm we have the item.",
            intro="To cancel:",
        ),
        h("Your refund"),
        ul(
            "We refund the price of the item and the standard delivery cost you paid.",
            "We refund you within 14 days of getting the item back, or of seeing your proof of postage if that "
            "is sooner.",
            "We refund you in the same way you paid.",
            "You pay to send the item back, unless it is faulty or we sent the wrong thing.",
        ),
        h("Faulty or wrong items"),
        p("If an item is faulty, damaged or not what you ordered, please contact us. This applies even if it "
          "has been opened. We will pay for it to come back and give you a refund or a replacement. This "
          "does not affect your legal rights."),
        h("Cancelling before we send your order"),
        p("If your order has not left us yet, contact us as soon as you can. We will stop it and refund you in full."),
    ],
}

CONTACT = {
    "slug": "contact",
    "title": "Contact us",
    "search_description": "Send Cerobio a message about the guide, an order, a return, accessibility or your personal data.",
    "summary": "Send us a message about the guide, an order, a return, a problem using the website or your "
    "personal data. We aim to reply within 2 working days.",
    "body": [
        warning("We cannot give medical advice", "We cannot tell you what your bumps are or how to treat "
                "them by email. Speak to a GP, pharmacist or health visitor. If someone is very unwell or you "
                "are worried it is an emergency, call 999 or go to A&amp;E. For urgent advice that is not an "
                "emergency, call NHS 111."),
        p("If your message is about an order, please include your order number. It starts with CRB-."),
    ],
}

# Guide pages whose own words read above the target (grade 6), and why (read in the editor's check).
PLAIN_ENGLISH_NOTES = {
    "/causes/": "This page has to name the diseases, medicines, injuries and procedures that can lead to "
    "milia. Those names are long medical words with no everyday version. The sentences around them are "
    "kept short, and each condition is described in plain words.",
    "/types/genodermatosis-associated-milia/": "This page has to name rare inherited skin conditions. "
    "Their names are long medical words that cannot be replaced, so we explain each one in plain words.",
    "/types/disease-associated-milia/": "This page names the blistering and scarring skin diseases that "
    "can leave milia behind. The names cannot be shortened; the rest of the page uses short sentences.",
    "/types/medication-associated-milia/": "This page names the medicines linked to milia, so readers "
    "can check their own. Medicine names are long; the advice around them is in short sentences.",
    "/types/trauma-associated-milia/": "This page names the burns, treatments and procedures that can "
    "cause milia. It is only just above the target.",
}

INFO_PAGES = [ABOUT, ACCESSIBILITY, PRIVACY, COOKIES, TERMS, DELIVERY, RETURNS]
def _add(home, cls, data) -> bool:
    if home.get_children().filter(slug=data["slug"]).exists():
        return False
    page = cls(
        title=data["title"],
        slug=data["slug"],
        seo_title=data.get("seo_title", ""),
        search_description=data.get("search_description", ""),
        summary=data["summary"],
        body=data["body"],
        last_updated=UPDATED,
        show_in_menus=False,
    )
    home.add_child(instance=page)
    page.save_revision().publish(log_action=False)
    return True


def load_trust_pages() -> Counter:
    """Add the trust pages that are missing under the home page."""
    from cerobio.guide.models import HomePage

    from .models import ContactPage, InfoPage

    created: Counter = Counter()
    home = HomePage.objects.first()
    if home is None:
        return created
    for data in INFO_PAGES:
        created["trust pages"] += _add(home, InfoPage, data)
    created["trust pages"] += _add(home, ContactPage, CONTACT)
    return created


def load_plain_english_notes() -> int:
    """Add the notes for demo pages that have none (an editor's note is never replaced)."""
    from wagtail.models import Page

    from .models import PlainEnglishNote

    added = 0
    for path, reason in PLAIN_ENGLISH_NOTES.items():
        page = Page.objects.filter(url_path="/home" + path).first()
        if page is not None and not PlainEnglishNote.objects.filter(page=page).exists():
            PlainEnglishNote.objects.create(page=page, reason=reason)
            added += 1
    return added


def load_editorial() -> dict:
    """Trust pages, plain-English notes, then the roles' page permissions and the workflow (each once)."""
    from .roles import attach_to_pages

    created = load_trust_pages()
    created["plain English notes"] += load_plain_english_notes()
    created["editorial set-up steps"] += len(attach_to_pages())
    return {k: v for k, v in created.items() if v}
