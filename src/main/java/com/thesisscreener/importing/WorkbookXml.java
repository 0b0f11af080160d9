package com.thesisscreener.importing;

import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The SAX parser for the parts of an .xlsx the importer reads itself (sheets, shared text, styles): POI's hardened
 * JDK parser, which refuses a document type declaration at its first bytes, so nothing in one is read, expanded or
 * fetched. Aalto's parser was measured about three times as fast on a large sheet and left out: it keeps every
 * distinct element name in a table that grows slower to fill quadratically (a 1 MB part of unique names took 8 s,
 * the next one 54 s), and it reads a whole document type declaration into memory before it can be refused.
 */
final class WorkbookXml {

    private WorkbookXml() {
    }

    static XMLReader newReader() throws SAXException {
        try {
            return XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be set up", e);
        }
    }
}
